/** The pieces other widgets build a lab from: useLabActor and LabView's task panel (happy-dom). */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { publicImageId, createWorld } from '../../src/sim/index.ts';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { SimCall } from '../../src/sim/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { LabView, OPTIONAL_PANELS } from '../../src/widgets/lab/LabView.tsx';
import type { OptionalPanel } from '../../src/widgets/lab/LabView.tsx';
import { useLabActor } from '../../src/widgets/lab/useLabActor.ts';
import type { LabActorOptions } from '../../src/widgets/lab/useLabActor.ts';

afterEach(cleanup);

const imageId = publicImageId(createWorld(), 'us-east-1', 'al2023') ?? '';
const launch: SimCall[] = [
  { action: 'RunInstances', params: { ImageId: imageId, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1b' } } },
];

/** Renders a lab on its own actor and hands the actor back to the test. */
function renderOwnLab(options: LabActorOptions): { actor: () => SimulatorActor } {
  let actor: SimulatorActor | undefined;
  function Harness() {
    actor = useLabActor(options);
    return <LabView actor={actor} title="Own lab" task={<p>Snapshot the data volume.</p>} />;
  }
  render(<Harness />);
  return { actor: () => actor as SimulatorActor };
}

function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

test('useLabActor replays the scenario calls; the task is the first panel of the lab', () => {
  const { actor } = renderOwnLab({ scenarioId: 'one-instance', scenarioCalls: launch });
  const instances = Object.values(actor().getSnapshot().context.history.world.instances);
  expect(instances.map((i) => i.AvailabilityZone)).toEqual(['us-east-1b']);
  const panels = document.querySelectorAll('.lab > .lab-panel, .lab > details.lab-panel');
  expect(panels[0]?.getAttribute('aria-label')).toBe('Task');
  expect(within(screen.getByRole('region', { name: 'Task' })).getByText('Snapshot the data volume.')).toBeTruthy();
});

test('useLabActor starts empty when the scenario could not be set up', () => {
  const { actor } = renderOwnLab({ scenarioId: 'broken', scenarioCalls: launch, scenarioProblem: 'Line 1 failed' });
  expect(Object.keys(actor().getSnapshot().context.history.world.instances)).toEqual([]);
});

test('the clock pauses while the page is hidden and resumes after, but a pause the learner chose stays', () => {
  const { actor } = renderOwnLab({ scenarioCalls: launch });
  const mode = () => actor().getSnapshot().context.clock.mode;
  expect(mode()).toBe('running');
  act(() => setHidden(true));
  expect(mode()).toBe('paused');
  act(() => setHidden(false));
  expect(mode()).toBe('running');
  act(() => actor().send({ type: 'clock.pause' }));
  act(() => setHidden(true));
  act(() => setHidden(false));
  expect(mode()).toBe('paused');
});

/** How to find each panel a lesson may hide, by what a learner (or a screen reader) meets. */
const PANELS: Record<OptionalPanel, () => HTMLElement | null> = {
  diagram: () => screen.queryByRole('region', { name: 'Diagram' }),
  terminal: () => screen.queryByRole('region', { name: 'Terminal' }),
  history: () => screen.queryByRole('region', { name: 'History and clock' }),
  cost: () => screen.queryByRole('region', { name: 'Monthly cost' }),
  save: () => screen.queryByText('Save, share or load this lab', { selector: 'summary' }),
};

/** What always stays: the text twin, the narration and the inspector with its actions. */
function expectTheAlwaysThere(): void {
  expect(screen.getByRole('table', { name: /Resources in the account/ })).toBeTruthy();
  expect(screen.getByRole('region', { name: 'What just happened' })).toBeTruthy();
  expect(screen.getByRole('group', { name: 'Create' })).toBeTruthy();
}

describe('the hide option of <Lab>', () => {
  function renderHiding(hide: readonly OptionalPanel[]): SimulatorActor {
    const actor = createActor(simulatorMachine, { input: { scenarioCalls: launch }, clock: new SimulatedClock() }).start();
    render(<LabView actor={actor} title="Hiding" hide={hide} />);
    return actor;
  }

  test('with nothing hidden, every panel is there', () => {
    const actor = renderHiding([]);
    for (const panel of OPTIONAL_PANELS) expect(PANELS[panel](), panel).not.toBeNull();
    expectTheAlwaysThere();
    actor.stop();
  });

  test.each(OPTIONAL_PANELS)('hiding %s removes exactly that panel', (hidden) => {
    const actor = renderHiding([hidden]);
    for (const panel of OPTIONAL_PANELS) {
      if (panel === hidden) expect(PANELS[panel](), `${panel} is hidden`).toBeNull();
      else expect(PANELS[panel](), `${panel} stays`).not.toBeNull();
    }
    expectTheAlwaysThere();
    actor.stop();
  });

  test('the parts of a hidden panel go with it: no diagram buttons, no command line, no undo, no cost', () => {
    const actor = renderHiding(['diagram', 'terminal', 'history', 'cost']);
    expect(screen.queryByRole('button', { name: 'Fit diagram to width' })).toBeNull();
    expect(screen.queryByRole('group', { name: /^Regions, Availability Zones/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Command' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.queryByText('Snapshot storage')).toBeNull();
    expect(PANELS.save()).not.toBeNull();
    // The text twin still lists the instance, and it can still be acted on.
    const instanceId = Object.keys(actor.getSnapshot().context.history.world.instances)[0] ?? '';
    const table = screen.getByRole('table', { name: /Resources in the account/ });
    act(() => within(table).getByRole('button', { name: new RegExp(instanceId) }).click());
    expect(screen.getByRole('group', { name: `Actions possible on ${instanceId}` })).toBeTruthy();
    expectTheAlwaysThere();
    actor.stop();
  });

  test('hiding every optional panel leaves the text twin, the narration and the inspector', () => {
    const actor = renderHiding(OPTIONAL_PANELS);
    for (const panel of OPTIONAL_PANELS) expect(PANELS[panel](), panel).toBeNull();
    expectTheAlwaysThere();
    actor.stop();
  });
});
