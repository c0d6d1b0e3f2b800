/** The AMI anatomy, rendered from an injected simulator actor (happy-dom). */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { createWorld, publicImageId } from '../../src/sim/index.ts';
import type { SimCall, World } from '../../src/sim/index.ts';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { AnatomyView } from '../../src/widgets/concepts/anatomy/AnatomyView.tsx';

afterEach(cleanup);

const AMI = publicImageId(createWorld(), 'us-east-1', 'al2023') ?? '';
/** web-server baked into golden-image, whose mapping adds an empty 100 GiB volume and an instance store entry. */
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

function startActor(): SimulatorActor {
  const actor = createActor(simulatorMachine, { input: { scenarioCalls: SCENARIO }, clock: new SimulatedClock() });
  actor.start();
  const world = actor.getSnapshot().context.history.world;
  const instanceId = Object.keys(world.instances)[0] ?? '';
  act(() => {
    actor.send({
      type: 'call.run',
      call: {
        action: 'CreateImage',
        params: {
          InstanceId: instanceId,
          Name: 'golden-image',
          BlockDeviceMappings: [
            { DeviceName: '/dev/sdh', Ebs: { VolumeSize: 100 } },
            { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
          ],
        },
      },
    });
    actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 600 } } });
  });
  return actor;
}

const world = (actor: SimulatorActor): World => actor.getSnapshot().context.history.world;
const image = (actor: SimulatorActor) => Object.values(world(actor).images).find((i) => i.Name === 'golden-image');
const rows = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.anat-row'));
const row = (container: HTMLElement, device: string) => rows(container).find((r) => r.dataset['device'] === device) as HTMLElement;
const narration = (container: HTMLElement) => container.querySelector('.lab-narration__list')?.textContent ?? '';
/** Each AWS id or ISO date in the widget's text that a line could break inside (not in a nowrap .id-text or .anat-date); a <select>'s options cannot be styled. */
function breakableIds(container: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.parentElement?.closest('.id-text, .anat-date, select') != null) continue;
    for (const m of (node.textContent ?? '').matchAll(/\b(?:i|vol|snap|ami)-[0-9a-f]{17}\b|\d{4}-\d\d-\d\dT[\d:]+Z/g)) found.push(m[0]);
  }
  return found;
}

describe('AMI anatomy', () => {
  test('opens the AMI: metadata, launch permissions and one row per mapping entry with what it points at', () => {
    const actor = startActor();
    const img = image(actor);
    const { container } = render(<AnatomyView actor={actor} title="Anatomy" image="golden-image" />);
    const meta = container.querySelector('.anat-dl')?.textContent ?? '';
    for (const text of ['golden-image', img?.ImageId, '123456789012', 'x86_64', '/dev/xvda', 'hvm', 'available']) expect(meta).toContain(text);
    expect(screen.getByText(/the owner, your account 123456789012 \(implicitly\)/)).toBeTruthy();
    expect(rows(container).map((r) => r.dataset['device'])).toEqual(img?.BlockDeviceMappings.map((m) => m.DeviceName));
    const rootSnapshot = img?.BlockDeviceMappings.find((m) => m.DeviceName === '/dev/xvda')?.Ebs?.SnapshotId ?? '';
    const root = row(container, '/dev/xvda');
    expect(root.textContent).toContain('(root device)');
    expect(within(root).getByText(rootSnapshot)).toBeTruthy();
    expect(root.textContent).toMatch(/Mapped by golden-image \(available\)/);
    expect(root.textContent).toMatch(/billed to you: \$\d+\.\d\d per month/);
    expect(row(container, '/dev/sdh').textContent).toContain('An empty volume: 100 GiB');
    expect(row(container, '/dev/sdb').textContent).toMatch(/Instance store ephemeral0/);
    expect(container.textContent).toContain('Launch an instance to see what this entry becomes.');
  });

  test('launching turns each EBS entry into a new volume of the instance, from its snapshot or empty', () => {
    const actor = startActor();
    const { container } = render(<AnatomyView actor={actor} title="Anatomy" image="golden-image" />);
    fireEvent.click(screen.getByRole('button', { name: 'Launch an instance (RunInstances)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip to the next change' }));
    const launched = Object.values(world(actor).instances).find((i) => i.ImageId === image(actor)?.ImageId);
    expect(launched).toBeDefined();
    const volumes = Object.values(world(actor).volumes).filter((v) => v.Attachment?.InstanceId === launched?.InstanceId);
    expect(volumes).toHaveLength(2);
    const rootVolume = volumes.find((v) => v.Attachment?.Device === '/dev/xvda');
    const rootSnapshot = image(actor)?.BlockDeviceMappings[0]?.Ebs?.SnapshotId ?? '';
    expect(row(container, '/dev/xvda').querySelector('.anat-row__launched')?.textContent).toContain(`Volume ${rootVolume?.VolumeId}`);
    expect(row(container, '/dev/xvda').querySelector('.anat-row__launched')?.textContent).toContain(`created from ${rootSnapshot}`);
    expect(row(container, '/dev/sdh').querySelector('.anat-row__launched')?.textContent).toMatch(/100 GiB, .*created empty/);
    expect(row(container, '/dev/sdb').querySelector('.anat-row__launched')?.textContent).toContain('A new, empty instance store disk');
    expect(container.querySelectorAll('.anat-arrow.is-drawn').length).toBe(3);
  });

  test('deleting a mapped snapshot is refused; after DeregisterImage the snapshots remain and keep costing, launched instances keep running', () => {
    const actor = startActor();
    const { container } = render(<AnatomyView actor={actor} title="Anatomy" image="golden-image" />);
    fireEvent.click(screen.getByRole('button', { name: 'Launch an instance (RunInstances)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip to the next change' }));
    fireEvent.click(within(row(container, '/dev/xvda')).getByRole('button', { name: 'DeleteSnapshot' }));
    expect(narration(container)).toMatch(/DeleteSnapshot failed: InvalidSnapshot\.InUse/);

    fireEvent.click(screen.getByRole('button', { name: 'DeregisterImage' }));
    expect(screen.getByTestId('anatomy-state').textContent).toBe('deregistered');
    const remains = container.querySelector('.anat-remains')?.textContent ?? '';
    const snapshotId = image(actor)?.BlockDeviceMappings[0]?.Ebs?.SnapshotId ?? '';
    expect(remains).toMatch(new RegExp(`Its snapshot ${snapshotId} is still there, costing \\$\\d+\\.\\d\\d per month`));
    expect(remains).toMatch(/Instances launched from it are unaffected: i-[0-9a-f]{17} is running/);
    const launch = screen.getByRole('button', { name: 'Launch an instance (RunInstances)' }) as HTMLButtonElement;
    expect(launch.disabled).toBe(true);
    expect(document.getElementById(launch.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^RunInstances now: InvalidAMIID\.Unavailable/);

    fireEvent.click(within(row(container, '/dev/xvda')).getByRole('button', { name: 'DeleteSnapshot' }));
    act(() => {
      actor.send({ type: 'clock.step' });
    });
    expect(world(actor).snapshots[snapshotId]).toBeUndefined();
    expect(row(container, '/dev/xvda').textContent).toContain('no longer in the account');
    expect(container.querySelector('.anat-remains')?.textContent).toContain('None of its snapshots is left.');
  });

  test('keeps every id and date on one line (a browser would break "vol-" / "0d3a…" after the hyphen, and a date at its hyphens)', () => {
    const actor = startActor();
    const { container } = render(<AnatomyView actor={actor} title="Anatomy" image="golden-image" />);
    expect(container.querySelectorAll('.anat-date').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Launch an instance (RunInstances)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip to the next change' }));
    fireEvent.click(within(row(container, '/dev/xvda')).getByRole('button', { name: 'DeleteSnapshot' }));
    expect(breakableIds(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'DeregisterImage' }));
    expect(container.querySelector('.anat-remains .id-text')).not.toBeNull();
    expect(breakableIds(container)).toEqual([]);
  });

  test('works for a public catalogue AMI: public launch permission, owner Amazon, no DeregisterImage for you', () => {
    const actor = startActor();
    const { container } = render(<AnatomyView actor={actor} title="Anatomy" />);
    fireEvent.change(screen.getByRole('combobox', { name: 'AMI' }), { target: { value: AMI } });
    expect(container.querySelector('.anat-dl')?.textContent).toContain('(amazon)');
    expect(screen.getByText('everyone: the AMI is public (Group=all)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'DeregisterImage' })).toBeNull();
    expect(row(container, '/dev/xvda').textContent).toContain('billed to its owner, not you');
    expect(within(row(container, '/dev/xvda')).queryByRole('button', { name: 'DeleteSnapshot' })).toBeNull();
  });
});
