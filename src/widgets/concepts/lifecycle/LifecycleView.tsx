/**
 * The lifecycle chart of one resource kind, given its simulator actor: the kind's statechart (laid
 * out at build time from the machine the simulation itself uses), the chosen resource's current
 * state highlighted, each transition it takes animated and announced, and buttons that send real
 * calls to the simulator. Text twin: the current state in words and the transitions as a table.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { nextEventTime } from '../../../sim/index.ts';
import type { SimCall } from '../../../sim/index.ts';
import { selectClock, selectLastResult, selectWorld } from '../../../sim/actor/index.ts';
import type { StatechartLayout } from '../../../viz/statechart-layout.ts';
import { nextRequestId } from '../../lab/actor.ts';
import { WithWholeIds } from '../../shared/WithWholeIds.tsx';
import { plural } from '../shared/format.ts';
import { useOverflows } from '../shared/useOverflows.ts';
import type { SimulatorActor } from '../../lab/actor.ts';
import { createOffers, nextChangeOf, offeredChecks, resourceLabel, resourcesOf, stateAfterRemoval, stateIdOf } from './resources.ts';
import type { LifecycleKind, NextChange, TrackedResource } from './resources.ts';
import { StatechartDiagram } from './StatechartDiagram.tsx';
import type { TakenEdge } from './StatechartDiagram.tsx';

export interface LifecycleViewProps {
  actor: SimulatorActor;
  kind: LifecycleKind;
  layout: StatechartLayout;
  title: string;
  /** Name tag (or AMI name) of the resource to follow first; the oldest one of the kind otherwise. */
  resource?: string;
}

const KIND_NAMES: Record<LifecycleKind, string> = { instance: 'instance', volume: 'volume', snapshot: 'snapshot', image: 'AMI' };
const WITH_ARTICLE: Record<LifecycleKind, string> = { instance: 'an instance', volume: 'a volume', snapshot: 'a snapshot', image: 'an AMI' };
const NARRATION_KEPT = 4;

interface Said {
  seq: number;
  text: string;
}

/** Reads a state id for people: 'completed.archived' -> 'completed (archived)'. */
function stateWords(id: string): string {
  const [head, ...rest] = id.split('.');
  return rest.length === 0 ? (head ?? id) : `${head} (${rest.join(' → ')})`;
}

/** "48 simulated seconds", "6 simulated hours": the wait before a change, in the World's time. */
function simulatedWait(seconds: number): string {
  if (seconds < 120) return `${plural(seconds, 'simulated second')}`;
  if (seconds < 2 * 3600) return `${plural(Math.round(seconds / 60), 'simulated minute')}`;
  if (seconds < 2 * 86400) return `${plural(Math.round(seconds / 3600), 'simulated hour')}`;
  return `${plural(Math.round(seconds / 86400), 'simulated day')}`;
}

/** "pending → available", "terminated → no longer listed". */
function changeWords(change: NextChange): string {
  return `${stateWords(change.from)} → ${change.to === null ? 'no longer listed' : stateWords(change.to)}`;
}

export function LifecycleView({ actor, kind, layout, title, resource }: LifecycleViewProps) {
  const world = useSelector(actor, selectWorld);
  const last = useSelector(actor, selectLastResult);
  const paused = useSelector(actor, (snapshot) => selectClock(snapshot).mode === 'paused');
  const uid = useId();
  const resources = useMemo(() => resourcesOf(world, kind), [world, kind]);
  // Resources the World has dropped (a deleted volume, a purged instance) stay selectable with their final state.
  const [gone, setGone] = useState<Record<string, { resource: TrackedResource; state: string | null }>>({});
  const [selected, setSelected] = useState<string | null>(
    () => (resource === undefined ? undefined : resources.find((r) => r.name === resource)?.id) ?? resources[0]?.id ?? null,
  );
  const [taken, setTaken] = useState<TakenEdge | null>(null);
  const [said, setSaid] = useState<Said[]>([]);
  const seq = useRef(0);
  const pending = useRef<{ requestId: string; resourceId: string | null; outputId?: 'SnapshotId' | 'ImageId' } | null>(null);
  const seen = useRef<{ id: string | null; state: string | null; resource: TrackedResource | null }>({ id: null, state: null, resource: null });
  const tableBox = useRef<HTMLDivElement>(null);
  const tableScrolls = useOverflows(tableBox);

  const say = (text: string): void => {
    seq.current += 1;
    const item = { seq: seq.current, text };
    setSaid((items) => [...items, item].slice(-NARRATION_KEPT));
  };

  const live = resources.find((r) => r.id === selected) ?? null;
  const current = selected === null ? null : (live ?? gone[selected]?.resource ?? null);
  const state = selected === null ? null : live ? stateIdOf(world, kind, selected) : (gone[selected]?.state ?? null);
  const options = [...resources, ...Object.values(gone).map((g) => g.resource).filter((g) => !resources.some((r) => r.id === g.id))];

  // Follow the chosen resource: animate and announce each state it moves to.
  useEffect(() => {
    const before = seen.current;
    if (selected !== null && live === null && before.id === selected && before.resource !== null && gone[selected] === undefined) {
      const after = stateAfterRemoval(kind, before.state);
      setGone((g) => ({ ...g, [selected]: { resource: before.resource as TrackedResource, state: after } }));
      say(
        after === null
          ? `${resourceLabel(before.resource)} no longer exists; a deleted ${KIND_NAMES[kind]} has no state in this chart.`
          : `${resourceLabel(before.resource)} is now ${after} and no longer listed.`,
      );
      seen.current = { id: selected, state: after, resource: before.resource };
      return;
    }
    if (live === null) return;
    if (before.id === selected && before.state !== null && state !== null && before.state !== state) {
      const edge =
        layout.edges.find((e) => e.from === before.state && e.to === state) ??
        layout.edges.find((e) => e.from === before.state && state.startsWith(`${e.to}.`)) ??
        layout.edges.find((e) => before.state?.startsWith(`${e.from}.`) && (e.to === state || state.startsWith(`${e.to}.`)));
      if (edge) {
        setTaken((t) => ({ edgeId: edge.id, seq: (t?.seq ?? 0) + 1 }));
        say(`${resourceLabel(live)}: ${stateWords(before.state)} → ${stateWords(state)} (${edge.event}).`);
      } else {
        say(`${resourceLabel(live)} is now ${stateWords(state)}.`);
      }
    }
    seen.current = { id: selected, state, resource: live };
    // Runs when the followed resource or its state changes; `say`, `gone` and the layout are read as they are then.
  }, [selected, state, live]);

  // The outcome of a call this chart sent: an error is announced, a new resource is followed, and a
  // call that kept the state (a reboot) takes that state's self-transition.
  useEffect(() => {
    const sent = pending.current;
    if (last === null || sent === null || last.requestId !== sent.requestId) return;
    pending.current = null;
    if (!last.ok) {
      say(`${last.call.action} failed: ${last.error.Code}: ${last.error.Message}`);
      return;
    }
    if (sent.outputId !== undefined) {
      const output = last.output as Record<string, unknown>;
      const id = output[sent.outputId];
      if (typeof id === 'string') {
        setSelected(id);
        say(`${last.call.action} made ${id}; the chart now follows it.`);
      }
      return;
    }
    if (sent.resourceId === selected && state !== null && seen.current.state === state) {
      const loop = layout.edges.find((e) => e.from === state && e.to === state);
      if (loop) {
        setTaken((t) => ({ edgeId: loop.id, seq: (t?.seq ?? 0) + 1 }));
        say(`${last.call.action} succeeded: ${current === null ? 'it' : resourceLabel(current)} stays ${stateWords(state)} (${loop.event}).`);
      }
    }
    // Runs once per call result; the rest is read as it is then.
  }, [last]);

  const send = (call: SimCall, resourceId: string | null, outputId?: 'SnapshotId' | 'ImageId'): void => {
    const requestId = nextRequestId('lifecycle');
    pending.current = outputId === undefined ? { requestId, resourceId } : { requestId, resourceId, outputId };
    actor.send({ type: 'call.run', call, requestId });
  };

  // Asked of the simulation once per World (it dry-runs each call), not on every render.
  const liveId = live?.id ?? null;
  const checks = useMemo(() => (liveId === null ? [] : offeredChecks(world, kind, liveId)), [world, kind, liveId]);
  const creates = useMemo(() => createOffers(world, kind), [world, kind]);
  const waiting = nextEventTime(world) !== null;
  // What the clock alone will do next to the followed resource (the simulation is asked, on a copy of the World).
  const next = useMemo(() => (liveId === null ? null : nextChangeOf(world, kind, liveId)), [world, kind, liveId]);
  const skipLabel = next === null ? 'Skip to the next change' : `Skip to the next change: ${changeWords(next)}`;
  const skip = (): void => {
    // Straight to the followed resource's next change, over completions of other resources on the way.
    if (next === null) actor.send({ type: 'clock.step' });
    else actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: next.seconds } }, requestId: nextRequestId('lifecycle-skip') });
  };
  const followed = current === null ? null : resourceLabel(current);
  const toggleClock = (): void => {
    if (paused) {
      actor.send({ type: 'clock.resume' });
      say('Clock running: states that end by themselves move on again.');
    } else {
      actor.send({ type: 'clock.pause' });
      say(
        followed !== null && state !== null
          ? `Clock paused: ${followed} stays ${stateWords(state)} until you skip to the next change or resume the clock.`
          : 'Clock paused: each state stays until you skip to the next change or resume the clock.',
      );
    }
  };
  const example = layout.nodes.some((n) => n.id === 'pending') ? ', such as pending,' : '';
  const clockText = paused
    ? next !== null && followed !== null
      ? `The clock is paused: ${followed} stays ${stateWords(next.from)} while you read which calls it allows. Its next change, ${changeWords(next)}, comes ${simulatedWait(next.seconds)} later.`
      : `The clock is paused: nothing changes by itself until you resume it${waiting ? ' or skip to the next change' : ''}. Calls still work.`
    : `The clock is running: a state that ends by itself${example} passes in seconds. Pause the clock to stay in each state as long as you like.`;
  const kindName = KIND_NAMES[kind];
  const stateText =
    current === null
      ? `No ${kindName} of yours to follow yet.`
      : state === null
        ? `${resourceLabel(current)} no longer exists.`
        : `${resourceLabel(current)} is ${stateWords(state)}.`;

  return (
    <section className="widget lc" aria-labelledby={`${uid}-title`}>
      <header className="lc__header">
        <h3 id={`${uid}-title`} className="lc__title">
          {title}
        </h3>
        {options.length > 0 && (
          <label className="lc__pick">
            <span>Follow</span>
            <select value={selected ?? ''} onChange={(event) => setSelected(event.target.value)}>
              {options.map((r) => (
                <option key={r.id} value={r.id}>
                  {resourceLabel(r)}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <p className="lc__now" data-testid="lifecycle-now">
        <strong>Now:</strong> <WithWholeIds text={stateText} />
      </p>
      {/* Scrolls sideways on a phone (the chart keeps a readable scale); focusable so the keyboard can scroll it. */}
      <div className="lc__drawing scroll-edges" tabIndex={0} role="region" aria-label={`Lifecycle chart of ${WITH_ARTICLE[kind]} (scrolls sideways)`}>
        <StatechartDiagram
          layout={layout}
          current={state}
          taken={taken}
          label={`Lifecycle of ${WITH_ARTICLE[kind]}: ${layout.nodes.length} states. ${stateText}`}
        />
      </div>
      <div className="lc__clock" role="group" aria-label="Simulated clock">
        <p className="lc__clock-state" data-testid="lifecycle-clock">
          <WithWholeIds text={clockText} />
        </p>
        <div className="lc__clock-buttons">
          <button type="button" className="button lc__pause" onClick={toggleClock}>
            {paused ? 'Resume the clock' : 'Pause the clock'}
          </button>
          <button type="button" className="button lc__skip" disabled={!waiting} onClick={skip}>
            {skipLabel}
          </button>
        </div>
      </div>
      {(checks.length > 0 || creates.length > 0) && (
        <div className="lc__controls">
          <div className="lc__actions" role="group" aria-label={`Calls on the ${kindName}`}>
            {creates.map((offer) => (
              <button
                key={`${offer.check.action}-${offer.source.id}`}
                type="button"
                className="button"
                disabled={!offer.check.ok}
                aria-describedby={offer.check.ok ? undefined : `${uid}-why-${offer.check.action}-${offer.source.id}`}
                onClick={() => send(offer.check.call, null, offer.outputId)}
              >
                {/* One flex item (.button is inline-flex), so the label wraps between its words. */}
                <WithWholeIds text={`${offer.check.action} of ${offer.source.name ?? offer.source.id}`} />
              </button>
            ))}
            {checks.map((check) => (
              <button
                key={check.action}
                type="button"
                className="button"
                aria-describedby={check.ok ? undefined : `${uid}-why-${check.action}`}
                disabled={!check.ok}
                onClick={() => send(check.call, live?.id ?? null)}
              >
                {check.action}
              </button>
            ))}
          </div>
        </div>
      )}
      {(checks.some((c) => !c.ok) || creates.some((o) => !o.check.ok)) && (
        <ul className="lc__why">
          {/* Why a create call is refused right now (visible, not a hover-only tooltip). */}
          {creates
            .filter((o) => !o.check.ok)
            .map((o) => (
              <li key={`${o.check.action}-${o.source.id}`} id={`${uid}-why-${o.check.action}-${o.source.id}`}>
                <WithWholeIds text={`${o.check.action} of ${o.source.name ?? o.source.id} now: ${o.check.error?.Code ?? 'refused'}: ${o.check.error?.Message ?? ''}`} />
              </li>
            ))}
          {checks
            .filter((c) => !c.ok)
            .map((c) => (
              <li key={c.action} id={`${uid}-why-${c.action}`}>
                <WithWholeIds text={`${c.action} now: ${c.error?.Code === 'NoChange' ? 'would change nothing' : `${c.error?.Code ?? 'refused'}: ${c.error?.Message ?? ''}`}`} />
              </li>
            ))}
        </ul>
      )}
      <ol className="lc__narration" aria-live="polite" aria-relevant="additions">
        {said.map((item) => (
          <li key={item.seq}>
            <WithWholeIds text={item.text} />
          </li>
        ))}
      </ol>
      <details className="lc__table">
        <summary>The {kindName} lifecycle as a table</summary>
        {/* Scrolls sideways when wider than a phone, like the site's other wide tables: a focusable, named region only while it does. */}
        <div
          ref={tableBox}
          className="table-wrap"
          {...(tableScrolls ? { tabIndex: 0, role: 'region', 'aria-label': `Table, scrolls sideways: transitions of the ${kindName} lifecycle` } : {})}
        >
          <table>
            <caption className="visually-hidden">Transitions of the {kindName} lifecycle</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Event</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {layout.edges.map((e) => (
                <tr key={e.id} className={state !== null && (state === e.from || state.startsWith(`${e.from}.`)) ? 'is-current' : undefined}>
                  <td>
                    {stateWords(e.from)}
                    {state !== null && (state === e.from || state.startsWith(`${e.from}.`)) ? ' (now)' : ''}
                  </td>
                  <td>{e.event}</td>
                  <td>{stateWords(e.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
