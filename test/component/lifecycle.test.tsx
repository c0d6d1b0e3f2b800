/** The lifecycle chart, rendered from an injected simulator actor (happy-dom). */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { createWorld, imageLifecycle, instanceLifecycle, publicImageId, snapshotLifecycle } from '../../src/sim/index.ts';
import type { SimCall } from '../../src/sim/index.ts';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import { layoutStatechart } from '../../src/viz/statechart-layout.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { LifecycleView } from '../../src/widgets/concepts/lifecycle/LifecycleView.tsx';
import type { LifecycleKind } from '../../src/widgets/concepts/lifecycle/resources.ts';

afterEach(cleanup);

const AMI = publicImageId(createWorld(), 'us-east-1', 'al2023') ?? '';
/** A running instance named web-server with an attached 4 GiB data volume named web-data. */
const SCENARIO: SimCall[] = [
  {
    action: 'RunInstances',
    params: {
      ImageId: AMI,
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: 'us-east-1a' },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-server' }] }],
    },
  },
  { action: 'Advance', params: { Seconds: 60 } },
];

function startActor(calls: SimCall[] = SCENARIO, clock = new SimulatedClock()): SimulatorActor {
  const actor = createActor(simulatorMachine, { input: { scenarioCalls: calls }, clock });
  actor.start();
  return actor;
}

/** Lets `ms` of real time pass on the actor's timer (SimulatedClock), one tick at a time. */
function letTimePass(clock: SimulatedClock, ms: number): void {
  act(() => {
    for (let t = 0; t < ms; t += 200) clock.increment(200);
  });
}

const MACHINES = { instance: instanceLifecycle, snapshot: snapshotLifecycle, image: imageLifecycle } as const;

function renderChart(actor: SimulatorActor, kind: keyof typeof MACHINES & LifecycleKind, resource?: string) {
  const machine = MACHINES[kind];
  const layout = layoutStatechart(machine.root, machine.id);
  return render(<LifecycleView actor={actor} kind={kind} layout={layout} title="Lifecycle" {...(resource === undefined ? {} : { resource })} />);
}

const now = () => screen.getByTestId('lifecycle-now').textContent ?? '';
const currentStates = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('.lc-state.is-current')).map((g) => g.getAttribute('data-state'));
const narration = (container: HTMLElement) => container.querySelector('.lc__narration')?.textContent ?? '';
const instanceId = (actor: SimulatorActor) => Object.keys(actor.getSnapshot().context.history.world.instances)[0] ?? '';
/** Each AWS id in the chart's text that a line could break inside (not in a nowrap .id-text); a <select>'s options cannot be styled. */
function breakableIds(container: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.parentElement?.closest('.id-text, select, svg') != null) continue;
    for (const m of (node.textContent ?? '').matchAll(/\b(?:i|vol|snap|ami)-[0-9a-f]{17}\b/g)) found.push(m[0]);
  }
  return found;
}

describe('lifecycle chart of an instance', () => {
  test('draws every state of the machine and highlights the chosen resource\'s state, in text too', () => {
    const actor = startActor();
    const { container } = renderChart(actor, 'instance', 'web-server');
    const states = Array.from(container.querySelectorAll('.lc-state')).map((g) => g.getAttribute('data-state'));
    expect(states.sort()).toEqual(Object.keys(instanceLifecycle.root.states).sort());
    expect(now()).toBe(`Now: web-server (${instanceId(actor)}) is running.`);
    expect(currentStates(container)).toEqual(['running']);
    expect(container.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe(
      `Lifecycle of an instance: 6 states. web-server (${instanceId(actor)}) is running.`,
    );
    // Text twin: every transition in a table, those from the current state marked.
    const rows = within(container.querySelector('table') as HTMLElement).getAllByRole('row');
    expect(rows).toHaveLength(1 + 10);
    expect(rows.filter((r) => r.textContent?.includes('(now)'))).toHaveLength(3);
  });

  test('Stop, Start and Terminate send real calls; each transition is drawn as taken and announced', () => {
    const actor = startActor();
    const { container } = renderChart(actor, 'instance');
    const id = instanceId(actor);
    expect((screen.getByRole('button', { name: 'StartInstances' }) as HTMLButtonElement).disabled).toBe(true);
    expect(container.querySelector('.lc__why')?.textContent).toContain('StartInstances now: would change nothing');

    fireEvent.click(screen.getByRole('button', { name: 'StopInstances' }));
    expect(actor.getSnapshot().context.history.world.instances[id]?.State).toBe('stopping');
    expect(currentStates(container)).toEqual(['stopping']);
    expect(container.querySelector('.lc-edge.is-taken text')?.textContent).toBe('STOP');
    expect(narration(container)).toContain('running → stopping (STOP)');

    fireEvent.click(screen.getByRole('button', { name: /^Skip to the next change/ }));
    expect(currentStates(container)).toEqual(['stopped']);
    expect(narration(container)).toContain('stopping → stopped (STOPPED)');

    fireEvent.click(screen.getByRole('button', { name: 'StartInstances' }));
    expect(currentStates(container)).toEqual(['pending']);
    expect(container.querySelector('.lc-edge.is-taken text')?.textContent).toBe('START');

    fireEvent.click(screen.getByRole('button', { name: 'TerminateInstances' }));
    fireEvent.click(screen.getByRole('button', { name: /^Skip to the next change/ }));
    expect(currentStates(container)).toEqual(['terminated']);
    expect(now()).toContain('is terminated');
    expect((screen.getByRole('button', { name: /^Skip to the next change/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('a reboot keeps the instance running and takes the REBOOT self-transition', () => {
    const actor = startActor();
    const { container } = renderChart(actor, 'instance');
    fireEvent.click(screen.getByRole('button', { name: 'RebootInstances' }));
    expect(currentStates(container)).toEqual(['running']);
    expect(container.querySelector('.lc-edge.is-taken text')?.textContent).toBe('REBOOT');
    expect(narration(container)).toContain('RebootInstances succeeded: web-server');
  });

  test('a terminated instance the World drops stays followed, in its final state', () => {
    const actor = startActor();
    const { container } = renderChart(actor, 'instance');
    fireEvent.click(screen.getByRole('button', { name: 'TerminateInstances' }));
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 2 * 3600 } } });
    });
    expect(actor.getSnapshot().context.history.world.instances[instanceId(actor)]).toBeUndefined();
    expect(currentStates(container)).toEqual(['terminated']);
    expect(narration(container)).toMatch(/is now terminated and no longer listed/);
  });

  test('a call the simulation would refuse is disabled, with the error it would give', () => {
    const actor = startActor();
    renderChart(actor, 'instance');
    const id = instanceId(actor);
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'ModifyInstanceAttribute', params: { InstanceId: id, DisableApiTermination: { Value: true } } } });
    });
    const terminate = screen.getByRole('button', { name: 'TerminateInstances' }) as HTMLButtonElement;
    expect(terminate.disabled).toBe(true);
    const why = document.getElementById(terminate.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toMatch(/^TerminateInstances now: OperationNotPermitted: /);
  });
});

describe('lifecycle chart of a snapshot', () => {
  test('CreateSnapshot of a volume makes a new snapshot the chart follows from pending into completed (standard)', () => {
    const actor = startActor();
    const { container } = renderChart(actor, 'snapshot');
    expect(now()).toBe('Now: No snapshot of yours to follow yet.');
    expect(currentStates(container)).toEqual([]);
    const create = screen.getAllByRole('button', { name: /^CreateSnapshot of / })[0] as HTMLElement;
    fireEvent.click(create);
    const snapshotId = Object.keys(actor.getSnapshot().context.history.world.snapshots).find((id) =>
      actor.getSnapshot().context.history.world.snapshots[id]?.OwnerId === actor.getSnapshot().context.history.world.accountId,
    );
    expect(now()).toBe(`Now: ${snapshotId} is pending.`);
    expect(currentStates(container)).toEqual(['pending']);
    fireEvent.click(screen.getByRole('button', { name: /^Skip to the next change/ }));
    expect(currentStates(container).sort()).toEqual(['completed', 'completed.standard']);
    expect(container.querySelector('.lc-edge.is-taken text')?.textContent).toBe('COMPLETE');
    expect(narration(container)).toContain('pending → completed (standard) (COMPLETE)');
  });

  test('keeps each id on one line in "Now:", the buttons and the narration; the table scrolls in a .table-wrap', () => {
    const actor = startActor();
    const { container } = renderChart(actor, 'snapshot');
    // The instance's root volume has no Name tag: its button names it by id.
    const byId = screen.getByRole('button', { name: /^CreateSnapshot of vol-[0-9a-f]{17}$/ });
    expect(byId.querySelectorAll('.id-text')).toHaveLength(1);
    // A single child: .button is inline-flex, and each child would be a flex item that cannot wrap.
    expect(byId.children).toHaveLength(1);
    fireEvent.click(byId);
    expect(now()).toMatch(/^Now: snap-[0-9a-f]{17} is pending\.$/);
    expect(screen.getByTestId('lifecycle-now').querySelector('.id-text')?.textContent).toMatch(/^snap-/);
    expect(breakableIds(container)).toEqual([]);
    expect(container.querySelector('.lc__table .table-wrap > table')).not.toBeNull();
  });
});

describe('lifecycle chart of an AMI', () => {
  test('CreateImage, then DisableImage and DeregisterImage move the new AMI through its states', () => {
    const actor = startActor();
    const { container } = renderChart(actor, 'image');
    fireEvent.click(screen.getByRole('button', { name: 'CreateImage of web-server' }));
    expect(currentStates(container)).toEqual(['pending']);
    expect(now()).toMatch(/^Now: web-server-1 \(ami-[0-9a-f]{17}\) is pending\.$/);
    expect((screen.getByRole('button', { name: 'DisableImage' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 600 } } });
    });
    expect(currentStates(container)).toEqual(['available']);
    fireEvent.click(screen.getByRole('button', { name: 'DisableImage' }));
    expect(currentStates(container)).toEqual(['disabled']);
    fireEvent.click(screen.getByRole('button', { name: 'DeregisterImage' }));
    expect(currentStates(container)).toEqual(['deregistered']);
    expect(narration(container)).toContain('disabled → deregistered (DEREGISTER)');
  });
});

describe('holding the chart in a state that ends by itself', () => {
  const button = (name: string | RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
  const clockLine = () => screen.getByTestId('lifecycle-clock').textContent ?? '';

  test('with the clock running, a new AMI leaves pending in about 2 s: the chart says so and offers to pause', () => {
    const clock = new SimulatedClock();
    const actor = startActor(SCENARIO, clock);
    const { container } = renderChart(actor, 'image');
    expect(clockLine()).toMatch(/^The clock is running: a state that ends by itself, such as pending, passes in seconds\. Pause the clock/);
    fireEvent.click(button('CreateImage of web-server'));
    expect(currentStates(container)).toEqual(['pending']);
    letTimePass(clock, 3000);
    expect(currentStates(container)).toEqual(['available']);
  });

  test('Pause the clock holds a new AMI in pending: its allowed and refused calls stay readable until the learner moves on', () => {
    const clock = new SimulatedClock();
    const actor = startActor(SCENARIO, clock);
    const { container } = renderChart(actor, 'image');
    fireEvent.click(button('Pause the clock'));
    expect(actor.getSnapshot().context.clock.mode).toBe('paused');
    expect(narration(container)).toContain('Clock paused');
    expect(button('Resume the clock')).toBeTruthy();

    fireEvent.click(button('CreateImage of web-server'));
    // A minute of real time later the AMI is still pending: the learner reads what pending allows.
    letTimePass(clock, 60_000);
    expect(currentStates(container)).toEqual(['pending']);
    expect(now()).toMatch(/is pending\.$/);
    expect(button('DeregisterImage').disabled).toBe(false);
    for (const refused of ['DisableImage', 'EnableImage']) {
      const b = button(refused);
      expect(b.disabled).toBe(true);
      expect(document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(new RegExp(`^${refused} now: `));
    }
    // A refused create call says why in visible text too, not only in a hover tooltip.
    const create = button('CreateImage of web-server');
    expect(create.disabled).toBe(true);
    expect(document.getElementById(create.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^CreateImage of web-server now: \S+: ./);
    expect(clockLine()).toMatch(/^The clock is paused: web-server-1 \(ami-[0-9a-f]{17}\) stays pending while you read which calls it allows\. Its next change, pending → available, comes \d+ simulated seconds later\.$/);

    // The skip button says what comes next, and goes straight there (over the snapshots completing on the way).
    const skip = button('Skip to the next change: pending → available');
    expect(skip.disabled).toBe(false);
    fireEvent.click(skip);
    expect(currentStates(container)).toEqual(['available']);
    expect(narration(container)).toContain('pending → available (SNAPSHOTS_COMPLETED)');
    expect(button('DisableImage').disabled).toBe(false);
    // Still paused: the learner resumes when they choose, and the chart says so.
    expect(actor.getSnapshot().context.clock.mode).toBe('paused');
    fireEvent.click(button('Resume the clock'));
    expect(actor.getSnapshot().context.clock.mode).toBe('running');
    expect(narration(container)).toContain('Clock running');
    expect(button('Pause the clock')).toBeTruthy();
  });

  test('a snapshot held in pending: DeleteSnapshot allowed, the tier calls refused, then on to completed', () => {
    const clock = new SimulatedClock();
    const actor = startActor(SCENARIO, clock);
    const { container } = renderChart(actor, 'snapshot');
    fireEvent.click(button('Pause the clock'));
    fireEvent.click(screen.getAllByRole('button', { name: /^CreateSnapshot of / })[0] as HTMLElement);
    letTimePass(clock, 10_000);
    expect(currentStates(container)).toEqual(['pending']);
    expect(button('DeleteSnapshot').disabled).toBe(false);
    expect(button('ModifySnapshotTier').disabled).toBe(true);
    expect(container.querySelector('.lc__why')?.textContent).toContain('ModifySnapshotTier now: ');
    fireEvent.click(button('Skip to the next change: pending → completed (standard)'));
    expect(currentStates(container).sort()).toEqual(['completed', 'completed.standard']);
  });

  test('an instance held in stopping, pending and shutting-down in turn, as lesson 1 walks through them', () => {
    const clock = new SimulatedClock();
    const actor = startActor(SCENARIO, clock);
    const { container } = renderChart(actor, 'instance');
    fireEvent.click(button('Pause the clock'));
    fireEvent.click(button('StopInstances'));
    letTimePass(clock, 10_000);
    expect(currentStates(container)).toEqual(['stopping']);
    expect(button('StartInstances').disabled).toBe(true);
    expect(button('TerminateInstances').disabled).toBe(false);
    fireEvent.click(button('Skip to the next change: stopping → stopped'));
    expect(currentStates(container)).toEqual(['stopped']);
    // Nothing of the instance is due: the button says nothing more.
    expect(button(/^Skip to the next change/).textContent).toBe('Skip to the next change');
    fireEvent.click(button('StartInstances'));
    letTimePass(clock, 10_000);
    expect(currentStates(container)).toEqual(['pending']);
    fireEvent.click(button('Skip to the next change: pending → running'));
    fireEvent.click(button('TerminateInstances'));
    letTimePass(clock, 10_000);
    expect(currentStates(container)).toEqual(['shutting-down']);
    expect(button('StartInstances').disabled).toBe(true);
    fireEvent.click(button('Skip to the next change: shutting-down → terminated'));
    expect(currentStates(container)).toEqual(['terminated']);
    // A terminated instance leaves the list about an hour later; the chart keeps its final state.
    fireEvent.click(button('Skip to the next change: terminated → no longer listed'));
    expect(currentStates(container)).toEqual(['terminated']);
    expect(narration(container)).toMatch(/is now terminated and no longer listed/);
  });
});
