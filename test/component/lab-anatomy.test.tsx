/**
 * The AMI anatomy opened from the Lab's inspector (issue 6), rendered from an injected actor of a
 * content scenario (happy-dom): the selected AMI, by id, on the lab's own actor, so a launch there
 * is one more call of the lab's history and shows in its resource table.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { parse } from 'yaml';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { World } from '../../src/sim/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { LabView } from '../../src/widgets/lab/LabView.tsx';
import { scenarioSetup } from '../../src/widgets/lab/scenario.ts';

const SCENARIO = 'custom-ami-with-instances';
/** The anatomy is loaded on demand: the first load transforms its modules, slow on a loaded machine. */
const LOADED = { timeout: 15_000 };
const SLOW = 30_000;

afterEach(cleanup);
beforeAll(async () => {
  await import('../../src/widgets/lab/ActionForm.tsx');
});

/** The lab of the scenario on a simulated clock: time moves only when a test says so. */
function scenarioActor(): SimulatorActor {
  const { script } = parse(readFileSync(resolve(import.meta.dirname, `../../content/scenarios/${SCENARIO}.yaml`), 'utf8')) as { script: string };
  const setup = scenarioSetup(script);
  if (!setup.ok) throw new Error(setup.error);
  return createActor(simulatorMachine, { input: { scenarioId: SCENARIO, scenarioCalls: setup.calls }, clock: new SimulatedClock() }).start();
}

const world = (actor: SimulatorActor): World => actor.getSnapshot().context.history.world;
const table = () => screen.getByRole('table', { name: /Resources in the account/ });
const select = (id: string) => fireEvent.click(within(table()).getByRole('button', { name: new RegExp(id) }));
const toggle = () => screen.getByRole('button', { name: "Open this AMI's anatomy" });

function goldenImage(actor: SimulatorActor) {
  const image = Object.values(world(actor).images).find((i) => i.Name === 'golden-image' && i.Region === 'us-east-1');
  if (image === undefined) throw new Error('the scenario has no golden-image');
  return image;
}

async function openAnatomy(name: string): Promise<HTMLElement> {
  fireEvent.click(toggle());
  expect(toggle().getAttribute('aria-expanded')).toBe('true');
  return screen.findByRole('region', { name }, LOADED);
}

describe('the AMI anatomy in the Lab', () => {
  test('an AMI row offers the anatomy; it opens that AMI with its block device mapping, under the inspector heading', async () => {
    const actor = scenarioActor();
    const image = goldenImage(actor);
    // The AMI has no Name tag: the anatomy finds it by id.
    expect(image.Tags.some((t) => t.Key === 'Name')).toBe(false);
    render(<LabView actor={actor} title="Test lab" />);
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    select(instanceId);
    expect(screen.queryByRole('button', { name: "Open this AMI's anatomy" })).toBeNull();

    select(image.ImageId);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    const anatomy = await openAnatomy('Anatomy of golden-image');
    // Headings stay in order inside the inspector (h3): the title is h4, its sections h5.
    expect(within(anatomy).getByRole('heading', { level: 4, name: 'Anatomy of golden-image' })).toBeTruthy();
    expect(within(anatomy).getByRole('heading', { level: 5, name: 'Block device mapping: one entry' })).toBeTruthy();
    expect(within(anatomy).queryAllByRole('heading', { level: 3 })).toEqual([]);
    expect(within(anatomy).getByText(image.ImageId).closest('dd')?.textContent).toContain('us-east-1');
    const rows = Array.from(anatomy.querySelectorAll<HTMLElement>('.anat-row'));
    expect(rows.map((r) => r.dataset['device'])).toEqual(image.BlockDeviceMappings.map((m) => m.DeviceName));
    const rootSnapshot = image.BlockDeviceMappings[0]?.Ebs?.SnapshotId ?? '';
    expect(rows[0]?.textContent).toContain('(root device)');
    expect(rows[0]?.textContent).toContain(rootSnapshot);
    expect(rows[0]?.textContent).toContain('golden-image-root');
    // The inspector chose the AMI: no picker of its own, and no second live region (the lab's Narration speaks).
    expect(within(anatomy).queryByRole('combobox', { name: 'AMI' })).toBeNull();
    expect(anatomy.querySelector('[aria-live]')).toBeNull();

    // Toggling closes it; selecting another resource closes it too.
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Anatomy of golden-image' })).toBeNull();
    await openAnatomy('Anatomy of golden-image');
    select(instanceId);
    select(image.ImageId);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
  }, SLOW);

  test('launching from the anatomy is a call on the lab actor: the new instance shows in the resource table', async () => {
    const actor = scenarioActor();
    const image = goldenImage(actor);
    render(<LabView actor={actor} title="Test lab" />);
    const before = new Set(Object.keys(world(actor).instances));
    select(image.ImageId);
    const anatomy = await openAnatomy('Anatomy of golden-image');
    fireEvent.click(within(anatomy).getByRole('button', { name: 'Launch an instance (RunInstances)' }));

    const launched = Object.values(world(actor).instances).filter((i) => !before.has(i.InstanceId));
    expect(launched).toHaveLength(1);
    const instance = launched[0]!;
    expect(instance.ImageId).toBe(image.ImageId);
    const entries = actor.getSnapshot().context.history.entries;
    expect(entries.at(-1)).toMatchObject({ kind: 'call', call: { action: 'RunInstances', params: { ImageId: image.ImageId } } });
    const row = within(table()).getByRole('button', { name: new RegExp(instance.InstanceId) }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain(`from ${image.ImageId}`);
    // The anatomy follows the lab's state: its mapping entry became the new instance's root volume.
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 60 } } });
    });
    const root = anatomy.querySelector<HTMLElement>('.anat-row[data-device="/dev/xvda"] .anat-row__launched');
    expect(root?.textContent).toMatch(new RegExp(`Volume vol-[0-9a-f]{17} of ${instance.InstanceId}: \\d+ GiB, in-use, attached at /dev/xvda; created from ${image.BlockDeviceMappings[0]?.Ebs?.SnapshotId}`));
    // And undo in the lab takes the launch back, in the anatomy too.
    act(() => {
      actor.send({ type: 'history.undo' });
      actor.send({ type: 'history.undo' });
    });
    expect(within(table()).queryByRole('button', { name: new RegExp(instance.InstanceId) })).toBeNull();
  }, SLOW);

  test('opens the selected AMI by id, even when another AMI has the same name', async () => {
    const actor = scenarioActor();
    const image = goldenImage(actor);
    act(() => {
      actor.send({
        type: 'call.run',
        call: { action: 'CopyImage', region: 'eu-west-1', params: { SourceRegion: 'us-east-1', SourceImageId: image.ImageId, Name: 'golden-image' } },
      });
    });
    const copy = Object.values(world(actor).images).find((i) => i.Region === 'eu-west-1' && i.Name === 'golden-image');
    expect(copy).toBeDefined();
    render(<LabView actor={actor} title="Test lab" />);
    select(image.ImageId);
    const anatomy = await openAnatomy('Anatomy of golden-image');
    const meta = anatomy.querySelector('.anat-dl')?.textContent ?? '';
    expect(meta).toContain(`${image.ImageId} (us-east-1)`);
    expect(meta).not.toContain(copy!.ImageId);
  }, SLOW);
});
