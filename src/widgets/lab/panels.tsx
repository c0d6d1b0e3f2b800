/**
 * The Lab's smaller panels. Each reads the slice of the actor it needs with useSelector and sends
 * events; none keeps a copy of the simulation in React state.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { World } from '../../sim/index.ts';
import { costSummary, nextEventTime } from '../../sim/index.ts';
import {
  describeEntry,
  selectCanRedo,
  selectCanUndo,
  selectClock,
  selectCursor,
  selectHistoryEntries,
  selectIsTicking,
  selectWorld,
  selectNarration,
  SPEEDS,
} from '../../sim/actor/index.ts';
import type { Speed } from '../../sim/actor/index.ts';
import { layoutTopology, topologyWidth } from '../../viz/layout.ts';
import type { LayoutOrder } from '../../viz/layout.ts';
import { TopologyDiagram } from '../../viz/TopologyDiagram.tsx';
import type { SimulatorActor } from './actor.ts';
import { MotionControls } from './MotionControls.tsx';
import { useBoxWidth } from './useBoxWidth.ts';
import { resourceRows } from './resources.ts';
import { WithBreakHints } from '../shared/WithBreakHints.tsx';
import { WithWholeIds } from '../shared/WithWholeIds.tsx';

/**
 * How long (simulated ms, a minute) the diagram shows that CreateImage rebooted an instance: a
 * drawing cue only (the model keeps the instance running), long enough to see at every clock speed.
 */
const REBOOT_CUE_MS = 60_000;

/**
 * CreateImage reboots a running instance unless NoReboot is set (reference §2.10; the model keeps
 * it running and says so in the narration): the diagram notes it on the instance for a moment.
 * Read from the World (a pending image with reboot, made less than a minute ago), so the cue
 * follows the simulated clock: it waits while the clock is paused, and comes back on undo.
 */
function rebootCues(world: World): ReadonlyMap<string, string> {
  const cues = new Map<string, string>();
  for (const image of Object.values(world.images)) {
    const source = image.SourceInstanceId === null ? undefined : world.instances[image.SourceInstanceId];
    if (image.State !== 'pending' || image.NoReboot || source?.State !== 'running') continue;
    if (world.now - image.CreationDate < REBOOT_CUE_MS) cues.set(source.InstanceId, 'rebooting');
  }
  return cues;
}

export function DiagramPanel({
  world,
  selectedId,
  onSelect,
}: {
  world: World;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const scroll = useRef<HTMLDivElement>(null);
  // In a column narrower than the full row (a lesson's text column, a phone), the snapshot store
  // and the AMI registry go under the AZs, at full size: fitting the wide row into a 644 px column
  // shrank its text to 6-7 px. Followed on resize; the layout is the same function of the world.
  const boxWidth = useBoxWidth(scroll);
  const wideWidth = useMemo(() => topologyWidth(world), [world]);
  const stacked = boxWidth !== null && boxWidth < wideWidth;
  // The previous layout's order keeps every drawn node in place when resources are added (and
  // keeps each column's order when the layout switches between wide and stacked).
  const order = useRef<LayoutOrder | undefined>(undefined);
  const layout = useMemo(() => layoutTopology(world, order.current, { stacked }), [world, stacked]);
  useEffect(() => {
    order.current = layout.order;
  }, [layout]);
  // Fitting is the learner's choice (a whole account at a glance, text smaller); it starts off.
  const [fit, setFit] = useState(false);
  const cues = useMemo(() => rebootCues(world), [world]);
  return (
    <section className={`lab-panel lab-diagram${fit ? ' lab-diagram--fit' : ''}${stacked ? ' lab-diagram--stacked' : ''}`} aria-label="Diagram">
      <div className="lab-diagram__tools">
        <button type="button" className="button" aria-pressed={fit} onClick={() => setFit((f) => !f)}>
          Fit diagram to width
        </button>
        <MotionControls scope={scroll} version={layout} />
      </div>
      {/* Focusable so keyboard users can scroll a diagram wider than the screen. */}
      <div className="lab-diagram__scroll" ref={scroll} tabIndex={0} role="region" aria-label="Diagram of the account (scrolls sideways)">
        <TopologyDiagram
          layout={layout}
          selectedId={selectedId}
          onSelect={onSelect}
          label="Regions, Availability Zones, instances, volumes, snapshots and AMIs. The table below lists the same resources."
          cues={cues}
        />
      </div>
    </section>
  );
}

export function ResourceTable({ world, selectedId, onSelect }: { world: World; selectedId: string | null; onSelect: (id: string) => void }) {
  const rows = useMemo(() => resourceRows(world), [world]);
  const captionId = useId();
  return (
    <section className="lab-panel lab-table">
      {/* Scrolls sideways on a phone; focusable so the keyboard can scroll it too. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table>
          <caption id={captionId}>Resources in the account ({rows.length})</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Name</th>
              <th scope="col">State</th>
              <th scope="col">Where</th>
              <th scope="col">Relations</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.id === selectedId ? 'is-selected' : undefined} data-id={r.id}>
                <th scope="row">
                  <button type="button" className="lab-link-button" aria-pressed={r.id === selectedId} onClick={() => onSelect(r.id)}>
                    {r.kind} <code>{r.id}</code>
                  </button>
                </th>
                <td>
                  <WithBreakHints text={r.name} />
                </td>
                <td className="lab-table__state">{r.state}</td>
                <td>
                  <WithWholeIds text={r.location} />
                </td>
                <td>
                  <WithWholeIds text={r.relations} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The last few things that happened, visible to all and announced politely to screen readers. */
export function Narration({ actor }: { actor: SimulatorActor }) {
  const narration = useSelector(actor, selectNarration);
  const recent = narration.slice(-4);
  return (
    <section className="lab-panel lab-narration" aria-label="What just happened">
      <ol aria-live="polite" aria-relevant="additions" className="lab-narration__list">
        {recent.length === 0 && <li className="muted">Nothing has happened yet.</li>}
        {recent.map((item) => (
          <li key={item.seq} className={`lab-narration__item lab-narration__item--${item.kind}`}>
            <WithWholeIds text={item.message} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * A button that its own click can disable (Undo at the first step, Skip once nothing is pending): it is
 * aria-disabled, not disabled, so keyboard focus stays on it instead of falling to the page.
 */
function SoftDisabledButton({ disabled, onClick, children }: { disabled: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="button" aria-disabled={disabled} onClick={disabled ? undefined : onClick}>
      {children}
    </button>
  );
}

export function HistoryBar({ actor }: { actor: SimulatorActor }) {
  const canUndo = useSelector(actor, selectCanUndo);
  const canRedo = useSelector(actor, selectCanRedo);
  const cursor = useSelector(actor, selectCursor);
  const entries = useSelector(actor, selectHistoryEntries);
  const clock = useSelector(actor, selectClock);
  const ticking = useSelector(actor, selectIsTicking);
  // Something the clock will complete (a pending snapshot, a terminated instance still listed).
  const pending = useSelector(actor, (snapshot) => nextEventTime(selectWorld(snapshot)) !== null);
  const id = useId();
  const stepLabel = (index: number): string => {
    const entry = entries[index - 1];
    return entry === undefined ? 'the starting point' : describeEntry(entry);
  };
  return (
    <section className="lab-panel lab-history" aria-label="History and clock">
      <div className="lab-history__buttons" role="group" aria-label="History">
        <SoftDisabledButton disabled={!canUndo} onClick={() => actor.send({ type: 'history.undo' })}>
          Undo
        </SoftDisabledButton>
        <SoftDisabledButton disabled={!canRedo} onClick={() => actor.send({ type: 'history.redo' })}>
          Redo
        </SoftDisabledButton>
        <button type="button" className="button" onClick={() => actor.send({ type: 'history.reset' })}>
          Reset
        </button>
      </div>
      <div className="lab-history__timeline">
        <label htmlFor={`${id}-timeline`}>
          Step {cursor} of {entries.length}: {stepLabel(cursor)}
        </label>
        <input
          id={`${id}-timeline`}
          type="range"
          min={0}
          max={entries.length}
          step={1}
          value={cursor}
          disabled={entries.length === 0}
          aria-valuetext={`Step ${cursor} of ${entries.length}: ${stepLabel(cursor)}`}
          onChange={(e) => actor.send({ type: 'history.jump', index: Number(e.target.value) })}
        />
      </div>
      <div className="lab-history__clock" role="group" aria-label="Simulated clock">
        {clock.mode === 'running' ? (
          <button type="button" className="button" onClick={() => actor.send({ type: 'clock.pause' })}>
            Pause clock
          </button>
        ) : (
          <button type="button" className="button" onClick={() => actor.send({ type: 'clock.resume' })}>
            Resume clock
          </button>
        )}
        <SoftDisabledButton disabled={!pending} onClick={() => actor.send({ type: 'clock.step' })}>
          Skip to next completion
        </SoftDisabledButton>
        <label htmlFor={`${id}-speed`}>Clock speed</label>
        <select id={`${id}-speed`} value={clock.speed} onChange={(e) => actor.send({ type: 'clock.setSpeed', speed: Number(e.target.value) as Speed })}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
        <span className="lab-history__ticking">{ticking ? 'Work in progress…' : pending ? 'Work pending, clock stopped' : 'Nothing pending'}</span>
      </div>
    </section>
  );
}

const usd = (n: number): string => `$${n.toFixed(2)}`;

export function CostMeter({ world }: { world: World }) {
  const cost = useMemo(() => costSummary(world), [world]);
  return (
    <section className="lab-panel lab-cost" aria-label="Monthly cost">
      <dl>
        <div>
          <dt>Snapshot storage</dt>
          <dd>
            {usd(cost.snapshotMonthlyUSD)}/month for {cost.snapshotStandardGiB} GiB stored
            {cost.snapshotArchiveGiB > 0 ? ` (+${cost.snapshotArchiveGiB} GiB archived)` : ''}
          </dd>
        </div>
        <div>
          <dt>EBS volumes</dt>
          <dd>
            {usd(cost.volumeMonthlyUSD)}/month for {cost.volumeProvisionedGiB} GiB provisioned
          </dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>
            <strong>{usd(cost.snapshotMonthlyUSD + cost.volumeMonthlyUSD)}/month</strong>
          </dd>
        </div>
      </dl>
      <p className="lab-field__hint">Volume prices are example us-east-1 list prices; snapshots are billed on the blocks they really store.</p>
    </section>
  );
}
