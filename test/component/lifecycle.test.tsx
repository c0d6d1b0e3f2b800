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

function startActor(calls: SimCall[] = SCENARIO): SimulatorActor {
  const actor = createActor(simulatorMachine, { input: { scenarioCalls: calls }, clock: new SimulatedClock() });
  actor.start();
  return actor;
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

    fireEvent.click(screen.getByRole('button', { name: 'Skip to the next change' }));
    expect(currentStates(container)).toEqual(['stopped']);
    expect(narration(container)).toContain('stopping → stopped (STOPPED)');

    fireEvent.click(screen.getByRole('button', { name: 'StartInstances' }));
    expect(currentStates(container)).toEqual(['pending']);
    expect(container.querySelector('.lc-edge.is-taken text')?.textContent).toBe('START');

    fireEvent.click(screen.getByRole('button', { name: 'TerminateInstances' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip to the next change' }));
    expect(currentStates(container)).toEqual(['terminated']);
    expect(now()).toContain('is terminated');
    expect((screen.getByRole('button', { name: 'Skip to the next change' }) as HTMLButtonElement).disabled).toBe(false);
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
    fireEvent.click(screen.getByRole('button', { name: 'Skip to the next change' }));
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
