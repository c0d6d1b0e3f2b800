/** The Lab island's panels, rendered from an injected simulator actor (happy-dom). */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { EXAMPLE_VOLUME_PRICES, execute, publicImageId } from '../../src/sim/index.ts';
import type { SimCall } from '../../src/sim/index.ts';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import { billedBlocks, roundUSD, snapshotMonthlyUSD } from '../../src/sim/ledger.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { loadCompletion } from '../../src/widgets/lab/cli.ts';
import { LabView } from '../../src/widgets/lab/LabView.tsx';
import { splitIds } from '../../src/sim/ids.ts';

afterEach(cleanup);
// The lab loads its action forms and Tab completion on use; load them up front so a form opens within a tick.
beforeAll(async () => {
  await Promise.all([import('../../src/widgets/lab/ActionForm.tsx'), loadCompletion()]);
});

function startActor(scenarioCalls: SimCall[] = []): SimulatorActor {
  // A simulated clock: the timer never fires unless a test moves it.
  const actor = createActor(simulatorMachine, { input: { scenarioCalls }, clock: new SimulatedClock() });
  actor.start();
  return actor;
}

const world = (actor: SimulatorActor) => actor.getSnapshot().context.history.world;
/** The command line an action form shows (its words are separate elements, so it wraps between them). */
const shownCommand = (form: HTMLElement) => form.querySelector('pre.lab-cli')?.textContent;

/** Runs one call the way a scenario would, and returns the actor's World after it. */
function launchScenario(): SimCall[] {
  const probe = startActor();
  const imageId = publicImageId(world(probe), 'us-east-1', 'al2023') ?? '';
  probe.stop();
  return [
    { action: 'RunInstances', params: { ImageId: imageId, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1a' } } },
    { action: 'Advance', params: { Seconds: 60 } },
  ];
}

function renderLab(actor: SimulatorActor, strict = false) {
  const view = <LabView actor={actor} title="Test lab" />;
  return render(strict ? <StrictMode>{view}</StrictMode> : view);
}

const table = () => screen.getByRole('table', { name: /Resources in the account/ });

describe.each([false, true])('Lab (StrictMode: %s)', (strict) => {
  test('the text twin lists every resource with its state, and follows the actor', () => {
    const actor = startActor(launchScenario());
    renderLab(actor, strict);
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    const row = within(table()).getByRole('button', { name: new RegExp(instanceId) }).closest('tr') as HTMLElement;
    expect(within(row).getByText('running')).toBeTruthy();
    const rootId = Object.values(world(actor).volumes)[0]?.VolumeId ?? '';
    const volumeRow = within(table()).getByRole('button', { name: new RegExp(rootId) }).closest('tr') as HTMLElement;
    expect(volumeRow.textContent).toMatch(new RegExp(`in-use.*attached to ${instanceId} at /dev/xvda`));
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'StopInstances', params: { InstanceIds: [instanceId] } } });
    });
    expect(within(row).getByText('stopping')).toBeTruthy();
    // The same resource is drawn in the diagram, as a button with its state in its name.
    expect(screen.getByRole('button', { name: new RegExp(`Instance ${instanceId}.*stopping`) })).toBeTruthy();
    const fit = screen.getByRole('button', { name: 'Fit diagram to width' });
    fireEvent.click(fit);
    expect(fit.getAttribute('aria-pressed')).toBe('true');
    expect(fit.closest('section')?.classList.contains('lab-diagram--fit')).toBe(true);
  });

  test('selecting a volume offers the actions the model allows; clicking one sends that call and shows its CLI command', async () => {
    const actor = startActor(launchScenario());
    renderLab(actor, strict);
    const rootId = Object.values(world(actor).volumes)[0]?.VolumeId ?? '';
    fireEvent.click(within(table()).getByRole('button', { name: new RegExp(rootId) }));
    const actions = screen.getByRole('group', { name: `Actions possible on ${rootId}` });
    const names = within(actions).getAllByRole('button').map((b) => b.textContent);
    expect(names).toContain('CreateSnapshot');
    // The root volume of a running instance cannot be detached or deleted: not offered.
    expect(names).not.toContain('DetachVolume');
    expect(names).not.toContain('DeleteVolume');
    fireEvent.click(within(actions).getByRole('button', { name: 'CreateSnapshot' }));
    const form = await screen.findByRole('form', { name: `CreateSnapshot on ${rootId}` });
    fireEvent.change(within(form).getByLabelText('Description'), { target: { value: 'before upgrade' } });
    expect(shownCommand(form)).toBe(`aws ec2 create-snapshot --description 'before upgrade' --volume-id ${rootId}`);
    fireEvent.click(within(form).getByRole('button', { name: 'Run CreateSnapshot' }));
    const entries = actor.getSnapshot().context.history.entries;
    expect(entries.at(-1)).toEqual({ kind: 'call', call: { action: 'CreateSnapshot', region: 'us-east-1', params: { VolumeId: rootId, Description: 'before upgrade' } } });
    const snapshot = Object.values(world(actor).snapshots).find((s) => s.VolumeId === rootId);
    expect(snapshot?.State).toBe('pending');
    expect(within(form).getByRole('status').textContent).toContain(`aws ec2 create-snapshot --description 'before upgrade' --volume-id ${rootId}`);
    expect(within(table()).getByRole('button', { name: new RegExp(snapshot?.SnapshotId ?? '-') })).toBeTruthy();
  });

  test('the CreateSnapshot form names the snapshot with TagSpecifications, printed as the AWS CLI takes it; empty means no tags', async () => {
    const actor = startActor(launchScenario());
    renderLab(actor, strict);
    const rootId = Object.values(world(actor).volumes)[0]?.VolumeId ?? '';
    fireEvent.click(within(table()).getByRole('button', { name: new RegExp(rootId) }));
    fireEvent.click(within(screen.getByRole('group', { name: `Actions possible on ${rootId}` })).getByRole('button', { name: 'CreateSnapshot' }));
    const form = await screen.findByRole('form', { name: `CreateSnapshot on ${rootId}` });
    const nameTag = within(form).getByLabelText(/^Name tag/);
    expect((nameTag as HTMLInputElement).value).toBe('');
    expect(shownCommand(form)).toBe(`aws ec2 create-snapshot --volume-id ${rootId}`);
    fireEvent.change(nameTag, { target: { value: 'web-data-backup' } });
    const command = `aws ec2 create-snapshot --volume-id ${rootId} --tag-specifications 'ResourceType=snapshot,Tags=[{Key=Name,Value=web-data-backup}]'`;
    expect(shownCommand(form)).toBe(command);
    fireEvent.click(within(form).getByRole('button', { name: 'Run CreateSnapshot' }));
    expect(actor.getSnapshot().context.history.entries.at(-1)).toEqual({
      kind: 'call',
      call: {
        action: 'CreateSnapshot',
        region: 'us-east-1',
        params: { VolumeId: rootId, TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'web-data-backup' }] }] },
      },
    });
    expect(within(form).getByRole('status').textContent).toContain(command);
    const snapshot = Object.values(world(actor).snapshots).find((s) => s.VolumeId === rootId);
    expect(snapshot?.Tags).toEqual([{ Key: 'Name', Value: 'web-data-backup' }]);
  });

  test('a completed snapshot offers CreateTags (Key, Value), which renames it', async () => {
    const actor = startActor(launchScenario());
    renderLab(actor, strict);
    const rootId = Object.values(world(actor).volumes)[0]?.VolumeId ?? '';
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: rootId } } });
      actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 3600 } } });
    });
    const snapshotId = Object.values(world(actor).snapshots).find((s) => s.VolumeId === rootId)?.SnapshotId ?? '';
    expect(world(actor).snapshots[snapshotId]?.State).toBe('completed');
    fireEvent.click(within(table()).getByRole('button', { name: new RegExp(snapshotId) }));
    const actions = screen.getByRole('group', { name: `Actions possible on ${snapshotId}` });
    fireEvent.click(within(actions).getByRole('button', { name: 'CreateTags' }));
    const form = await screen.findByRole('form', { name: `CreateTags on ${snapshotId}` });
    expect((within(form).getByLabelText('Key') as HTMLInputElement).value).toBe('Name');
    fireEvent.change(within(form).getByLabelText('Value'), { target: { value: 'web-data-backup' } });
    const command = `aws ec2 create-tags --resources ${snapshotId} --tags Key=Name,Value=web-data-backup`;
    expect(shownCommand(form)).toBe(command);
    fireEvent.click(within(form).getByRole('button', { name: 'Run CreateTags' }));
    expect(actor.getSnapshot().context.history.entries.at(-1)).toEqual({
      kind: 'call',
      call: { action: 'CreateTags', region: 'us-east-1', params: { Resources: [snapshotId], Tags: [{ Key: 'Name', Value: 'web-data-backup' }] } },
    });
    expect(world(actor).snapshots[snapshotId]?.Tags).toEqual([{ Key: 'Name', Value: 'web-data-backup' }]);
  });

  test('launching an instance with a Name tag tags the instance and its volumes in one --tag-specifications', async () => {
    const actor = startActor();
    renderLab(actor, strict);
    fireEvent.click(screen.getByRole('button', { name: 'Launch an instance' }));
    const form = await screen.findByRole('form', { name: 'Launch an instance' });
    fireEvent.change(within(form).getByLabelText(/^Name tag/), { target: { value: 'app-server' } });
    expect(shownCommand(form)).toMatch(/--tag-specifications 'ResourceType=instance,Tags=\[\{Key=Name,Value=app-server\}\]' 'ResourceType=volume,Tags=\[\{Key=Name,Value=app-server\}\]'$/);
    fireEvent.click(within(form).getByRole('button', { name: 'Run RunInstances' }));
    const instance = Object.values(world(actor).instances)[0];
    expect(instance?.Tags).toEqual([{ Key: 'Name', Value: 'app-server' }]);
    expect(Object.values(world(actor).volumes).map((v) => v.Tags)).toEqual([[{ Key: 'Name', Value: 'app-server' }]]);
  });

  test('a refused click shows the AWS error code and message and a plain-language explanation', async () => {
    const actor = startActor(launchScenario());
    renderLab(actor, strict);
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    fireEvent.click(within(table()).getByRole('button', { name: new RegExp(instanceId) }));
    fireEvent.click(screen.getByRole('button', { name: 'CreateImage' }));
    const form = await screen.findByRole('form', { name: `CreateImage on ${instanceId}` });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Run CreateImage' }));
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toMatch(/InvalidParameterValue|InvalidAMIName\.Malformed/);
    // The plain-language explanation loads with the first error shown.
    await waitFor(() => expect(alert.querySelector('.lab-error__why')?.textContent?.length).toBeGreaterThan(20));
    expect(actor.getSnapshot().context.history.entries).toHaveLength(0);
  });

  test('the terminal runs a typed command, prints what the CLI prints, and records the call in the same log', async () => {
    const actor = startActor();
    renderLab(actor, strict);
    const imageId = publicImageId(world(actor), 'us-east-1', 'al2023') ?? '';
    const input = screen.getByRole('textbox', { name: 'Command' });
    fireEvent.change(input, { target: { value: `aws ec2 run-instances --image-id ${imageId} \\\n  --instance-type t3.micro --query 'Instances[0].State.Name' --output text` } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const terminal = screen.getByRole('region', { name: 'Terminal' });
    expect(await within(terminal).findByText('pending', { selector: 'pre' })).toBeTruthy();
    const instance = Object.values(world(actor).instances)[0];
    expect(instance?.InstanceType).toBe('t3.micro');
    expect(actor.getSnapshot().context.history.entries).toHaveLength(1);
    expect(within(table()).getByRole('button', { name: new RegExp(instance?.InstanceId ?? '-') })).toBeTruthy();
  });

  test('a refused typed command shows the CLI error line, the code and the explanation', async () => {
    const actor = startActor();
    renderLab(actor, strict);
    const input = screen.getByRole('textbox', { name: 'Command' });
    fireEvent.change(input, { target: { value: 'aws ec2 delete-snapshot --snapshot-id snap-0123456789abcdef0' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const terminal = screen.getByRole('region', { name: 'Terminal' });
    await waitFor(() => expect(terminal.textContent).toContain('An error occurred (InvalidSnapshot.NotFound)'));
    expect(terminal.textContent).toContain('An error occurred (InvalidSnapshot.NotFound) when calling the DeleteSnapshot operation');
    await waitFor(() => expect(terminal.querySelector('.lab-error__why')?.textContent).toMatch(/No snapshot with this id/));
  });
});

describe('Lab inspector layout', () => {
  test("the selected resource's heading is followed by its facts; account-wide Create actions come after them", () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const rootId = Object.values(world(actor).volumes)[0]?.VolumeId ?? '';
    fireEvent.click(within(table()).getByRole('button', { name: new RegExp(rootId) }));
    const heading = screen.getByRole('heading', { level: 3, name: /^Volume / });
    expect(heading.nextElementSibling?.tagName).toBe('DL');
    const create = screen.getByRole('group', { name: 'Create' });
    const actions = screen.getByRole('group', { name: `Actions possible on ${rootId}` });
    expect(actions.compareDocumentPosition(create) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('splitIds cuts relations text into words and whole ids, so a view can keep each id on one line', () => {
    expect(splitIds('20 GiB gp3; attached to i-9cbfb0053d5b8e1ad at /dev/sdf')).toEqual([
      { text: '20 GiB gp3; attached to ', isId: false },
      { text: 'i-9cbfb0053d5b8e1ad', isId: true },
      { text: ' at /dev/sdf', isId: false },
    ]);
    expect(splitIds('maps /dev/xvda from snap-0123456789abcdef0').map((p) => p.text).join('')).toBe('maps /dev/xvda from snap-0123456789abcdef0');
    expect(splitIds('public, owned by amazon')).toEqual([{ text: 'public, owned by amazon', isId: false }]);
    expect(splitIds('us-east-1 (in Amazon S3, across its AZs)')[0]).toEqual({ text: 'us-east-1', isId: true });
    expect(splitIds('us-east-1a').map((p) => p.isId)).toEqual([true]);
    // In prose, short hyphenated names stay whole as well; ids inside them are not marked twice.
    expect(splitIds('web-data-backup-2 of vol-0123456789abcdef0 in us-east-1a', { names: true }).filter((p) => p.isId).map((p) => p.text)).toEqual([
      'web-data-backup-2',
      'vol-0123456789abcdef0',
      'us-east-1a',
    ]);
    expect(splitIds('web-data-backup-2').map((p) => p.isId)).toEqual([false]);
    expect(splitIds('pass --volume-id or --query', { names: true }).filter((p) => p.isId).map((p) => p.text)).toEqual(['--volume-id', '--query']);
    expect(splitIds('ubuntu-noble-24-amd64-server-20241109', { names: true }).map((p) => p.isId)).toEqual([false]);
  });
});

describe('Lab terminal keys and the history bar', () => {
  test('shell variables set by one command are seen by the next, as in a shell session', async () => {
    const actor = startActor();
    renderLab(actor);
    const imageId = publicImageId(world(actor), 'us-east-1', 'al2023') ?? '';
    const input = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Command' });
    fireEvent.change(input, { target: { value: `ID=$(aws ec2 run-instances --image-id ${imageId} --query 'Instances[0].InstanceId' --output text)` } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(Object.keys(world(actor).instances)).toHaveLength(1));
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    fireEvent.change(input, { target: { value: 'aws ec2 terminate-instances --instance-ids $ID' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(world(actor).instances[instanceId]?.State).toBe('shutting-down'));
  });

  test('Tab completes operation names and ids; Up recalls the previous command', async () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const input = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Command' });
    fireEvent.change(input, { target: { value: 'aws ec2 describe-vol' } });
    input.setSelectionRange(input.value.length, input.value.length);
    fireEvent.keyDown(input, { key: 'Tab' });
    expect(input.value).toMatch(/^aws ec2 describe-volume/);
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    fireEvent.change(input, { target: { value: `aws ec2 stop-instances --instance-ids ${instanceId.slice(0, 5)}` } });
    input.setSelectionRange(input.value.length, input.value.length);
    fireEvent.keyDown(input, { key: 'Tab' });
    expect(input.value).toBe(`aws ec2 stop-instances --instance-ids ${instanceId} `);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(input.value).toBe(''));
    expect(world(actor).instances[instanceId]?.State).toBe('stopping');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.value).toBe(`aws ec2 stop-instances --instance-ids ${instanceId} `);
  });

  test('a completion inside the line leaves the caret after the completed word at once, so the next key lands there', () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const input = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Command' });
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    const before = `aws ec2 stop-instances --instance-ids ${instanceId.slice(0, 5)}`;
    fireEvent.change(input, { target: { value: `${before} --force` } });
    input.setSelectionRange(before.length, before.length);
    fireEvent.keyDown(input, { key: 'Tab' });
    const completed = `aws ec2 stop-instances --instance-ids ${instanceId} `;
    expect(input.value).toBe(`${completed} --force`);
    // No frame has passed: the caret must already be there.
    expect(input.selectionStart).toBe(completed.length);
  });

  test('undo, redo and reset move the same history the actor keeps', () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'StopInstances', params: { InstanceIds: [instanceId] } } });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(world(actor).instances[instanceId]?.State).toBe('running');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(world(actor).instances[instanceId]?.State).toBe('stopping');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(world(actor).instances[instanceId]?.State).toBe('running');
    const slider = screen.getByRole('slider');
    expect(slider.getAttribute('aria-valuetext')).toBe('Step 2 of 2: Reset to the starting point');
    fireEvent.change(slider, { target: { value: '1' } });
    expect(world(actor).instances[instanceId]?.State).toBe('stopping');
  });

  test('a scenario that could not be set up gets a friendly notice, and the lab still works', () => {
    const actor = startActor();
    render(<LabView actor={actor} title="Broken" scenarioProblem='The scenario "X" could not be set up. Line 2 of its script could not be run: shell variables are not available.' />);
    expect(screen.getByRole('note').textContent).toMatch(/could not start from its scenario.*empty account/);
    expect(screen.getByRole('note').textContent).toContain('Line 2 of its script');
    expect(screen.getByRole('textbox', { name: 'Command' })).toBeTruthy();
  });
});

describe('Lab save and load', () => {
  test('a permalink reopens exactly this state; a bad or oversized paste is refused with a message and changes nothing', async () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'StopInstances', params: { InstanceIds: [instanceId] } } });
    });
    // The panel's body loads when the panel is first opened.
    fireEvent.click(screen.getByText('Save, share or load this lab', { selector: 'summary' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Make a permalink' }));
    const link = await screen.findByRole<HTMLInputElement>('textbox', { name: /Permalink to this exact state/ });
    expect(link.value).toMatch(/#lab=1\.[A-Za-z0-9_-]+$/);
    expect(window.location.hash).toBe(link.value.slice(link.value.indexOf('#')));

    // A second lab on the same scenario opens the link and reaches the same World.
    cleanup();
    const other = startActor(launchScenario());
    renderLab(other);
    await waitFor(() => expect(world(other).instances[instanceId]?.State).toBe('stopping'));
    expect(world(other)).toEqual(world(actor));

    fireEvent.click(screen.getByText('Save, share or load this lab', { selector: 'summary' }));
    const paste = await screen.findByRole('textbox', { name: 'Paste a permalink or a saved log' });
    fireEvent.change(paste, { target: { value: 'https://example.org/lab/#lab=1.not-a-saved-lab' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/not loaded|could not|not saved/i));
    expect(world(other)).toEqual(world(actor));

    fireEvent.change(paste, { target: { value: `1.${'A'.repeat(300 * 1024)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(screen.getByRole('alert').textContent).toMatch(/longer than any saved lab/);
    window.history.replaceState(null, '', '#');
  });
});

describe('Lab files', () => {
  test('an instance shows its files by volume; WriteFile from its form adds one; a snapshot shows what it captured', async () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    fireEvent.click(within(table()).getByRole('button', { name: new RegExp(instanceId) }));
    const files = screen.getByText('Files by volume').closest('details') as HTMLElement;
    expect(within(files).getByText('/etc/os-release')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'WriteFile' }));
    const form = await screen.findByRole('form', { name: `WriteFile on ${instanceId}` });
    fireEvent.change(within(form).getByLabelText('Path'), { target: { value: '/home/ec2-user/app.conf' } });
    fireEvent.change(within(form).getByLabelText('Content'), { target: { value: 'port=8080' } });
    expect(shownCommand(form)).toBe(`sim write ${instanceId} /home/ec2-user/app.conf port=8080`);
    // A lab command is not passed off as AWS CLI.
    expect(within(form).getByText('Lab command (not part of AWS):')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Run WriteFile' }));
    expect(within(files).getByText('/home/ec2-user/app.conf')).toBeTruthy();

    const rootId = Object.values(world(actor).volumes)[0]?.VolumeId ?? '';
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: rootId } } });
    });
    const snapshotId = Object.values(world(actor).snapshots).find((s) => s.VolumeId === rootId)?.SnapshotId ?? '';
    fireEvent.click(within(table()).getByRole('button', { name: new RegExp(snapshotId) }));
    const captured = screen.getByText('Files it captured').closest('details') as HTMLElement;
    expect(within(captured).getByText('/home/ec2-user/app.conf')).toBeTruthy();
  });
});

describe('Lab text twin: what the diagram shows only in pictures', () => {
  test('a snapshot row says AWS stores it in Amazon S3 across the Region, an AMI row that it is registered there, and a pending snapshot how much is copied', () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const rootId = Object.values(world(actor).volumes)[0]?.VolumeId ?? '';
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: rootId } } });
    });
    const snapshotId = Object.values(world(actor).snapshots).find((s) => s.VolumeId === rootId)?.SnapshotId ?? '';
    const snapshotRow = () => within(table()).getByRole('button', { name: new RegExp(snapshotId) }).closest('tr') as HTMLElement;
    const cells = () => within(snapshotRow()).getAllByRole('cell').map((c) => c.textContent);
    // The Progress the model reports (as DescribeSnapshots prints it), not a figure the view works out.
    const progress = (): string => {
      const result = execute(world(actor), { action: 'DescribeSnapshots', params: { SnapshotIds: [snapshotId] } });
      if (!result.ok) throw new Error(result.error.Message);
      return (result.output as { Snapshots: Array<{ Progress: string }> }).Snapshots[0]?.Progress ?? '';
    };
    expect(cells()[1]).toBe(`pending, ${progress()} copied`);
    // Part of the way through the copy, the state cell follows the model.
    const span = (world(actor).snapshots[snapshotId]?.CompleteAt ?? 0) - (world(actor).snapshots[snapshotId]?.StartTime ?? 0);
    act(() => {
      actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: Math.max(1, Math.floor(span / 2000)) } } });
    });
    expect(world(actor).snapshots[snapshotId]?.State).toBe('pending');
    expect(progress()).not.toBe('0%');
    expect(cells()[1]).toBe(`pending, ${progress()} copied`);
    expect(cells()[2]).toBe('us-east-1 (in Amazon S3, across its AZs)');
    act(() => {
      actor.send({ type: 'clock.step' });
    });
    expect(cells()[1]).toBe('completed');

    // The public AMI the instance came from is listed as a registered image of its Region.
    const imageId = Object.values(world(actor).instances)[0]?.ImageId ?? '';
    const imageRow = within(table()).getByRole('button', { name: new RegExp(imageId) }).closest('tr') as HTMLElement;
    expect(within(imageRow).getAllByRole('cell')[2]?.textContent).toBe('registered in us-east-1');
  });
});

describe('Lab cost meter', () => {
  const meter = () => screen.getByRole('region', { name: 'Monthly cost' });
  /** The figure the meter shows for one line ("Snapshot storage", "EBS volumes", "Total"). */
  const line = (term: string): string => within(meter()).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
  const usd = (n: number): string => `$${roundUSD(n).toFixed(2)}`;

  /** What the account's volumes cost a month: provisioned GiB at the example price of their type. */
  function volumeCost(actor: SimulatorActor): { usd: number; gib: number } {
    const volumes = Object.values(world(actor).volumes);
    return {
      usd: volumes.reduce((sum, v) => sum + v.Size * (EXAMPLE_VOLUME_PRICES[v.VolumeType] ?? Number.NaN), 0),
      gib: volumes.reduce((sum, v) => sum + v.Size, 0),
    };
  }

  /** What the account's snapshots cost a month, from the ledger's own per-snapshot billing. */
  function snapshotCost(actor: SimulatorActor): { usd: number; gib: number } {
    const w = world(actor);
    const own = Object.values(w.snapshots).filter((s) => s.OwnerId === w.accountId);
    return { usd: own.reduce((sum, s) => sum + snapshotMonthlyUSD(s), 0), gib: own.reduce((sum, s) => sum + billedBlocks(s).standard, 0) };
  }

  const run = (actor: SimulatorActor, call: SimCall) =>
    act(() => {
      actor.send({ type: 'call.run', call });
    });
  /** Moves the clock until nothing is pending. */
  const settle = (actor: SimulatorActor) => {
    for (let i = 0; i < 10; i++) act(() => actor.send({ type: 'clock.step' }));
  };

  test('volumes cost what they provision, and an orphaned volume (available, attached to nothing) still costs', () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const before = volumeCost(actor);
    expect(before.gib).toBeGreaterThan(0);
    expect(line('EBS volumes')).toBe(`${usd(before.usd)}/month for ${before.gib} GiB provisioned`);

    run(actor, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'gp2' } });
    settle(actor);
    const orphan = Object.values(world(actor).volumes).find((v) => v.Size === 10);
    expect(orphan?.State).toBe('available');
    expect(orphan?.Attachment).toBeNull();
    const after = volumeCost(actor);
    expect(after.usd - before.usd).toBeCloseTo(10 * (EXAMPLE_VOLUME_PRICES['gp2'] ?? 0), 10);
    expect(line('EBS volumes')).toBe(`${usd(after.usd)}/month for ${after.gib} GiB provisioned`);
    expect(line('Total')).toBe(`${usd(snapshotCost(actor).usd + after.usd)}/month`);
  });

  test('snapshot storage follows the blocks stored: DeleteSnapshot frees some, DeregisterImage leaves its snapshots costing', () => {
    const actor = startActor(launchScenario());
    renderLab(actor);
    const instanceId = Object.keys(world(actor).instances)[0] ?? '';
    const rootId = Object.values(world(actor).volumes)[0]?.VolumeId ?? '';
    const shows = () => {
      const expected = snapshotCost(actor);
      expect(line('Snapshot storage')).toBe(`${usd(expected.usd)}/month for ${expected.gib} GiB stored`);
      return expected;
    };
    expect(shows().gib).toBe(0);

    // A full snapshot of the root volume, then an incremental one after a write.
    run(actor, { action: 'CreateSnapshot', params: { VolumeId: rootId } });
    settle(actor);
    const full = shows();
    expect(full.gib).toBeGreaterThan(0);
    run(actor, { action: 'WriteFile', params: { InstanceId: instanceId, Path: '/home/ec2-user/report.txt', Content: 'quarterly figures' } });
    run(actor, { action: 'Advance', params: { Seconds: 60 } });
    run(actor, { action: 'CreateSnapshot', params: { VolumeId: rootId } });
    settle(actor);
    const both = shows();
    expect(both.gib).toBeGreaterThan(full.gib);

    // Deleting the newer snapshot frees the blocks only it stored.
    const newer = Object.values(world(actor).snapshots)
      .filter((s) => s.VolumeId === rootId)
      .sort((a, b) => b.StartTime - a.StartTime)[0];
    const freed = billedBlocks(newer ?? { Owned: [], Image: {}, Tier: 'standard' }).standard;
    expect(freed).toBeGreaterThan(0);
    run(actor, { action: 'DeleteSnapshot', params: { SnapshotId: newer?.SnapshotId ?? '' } });
    const afterDelete = shows();
    expect(afterDelete.gib).toBe(both.gib - freed);
    expect(line('Snapshot storage')).not.toBe(`${usd(both.usd)}/month for ${both.gib} GiB stored`);

    // An AMI's snapshots keep costing after the AMI is deregistered.
    run(actor, { action: 'Advance', params: { Seconds: 60 } });
    run(actor, { action: 'CreateImage', params: { InstanceId: instanceId, Name: 'report-server', NoReboot: true } });
    settle(actor);
    const image = Object.values(world(actor).images).find((img) => img.Name === 'report-server');
    expect(image?.State).toBe('available');
    const withImage = shows();
    run(actor, { action: 'DeregisterImage', params: { ImageId: image?.ImageId ?? '' } });
    const imageSnapshot = image?.BlockDeviceMappings[0]?.Ebs?.SnapshotId ?? '';
    expect(world(actor).snapshots[imageSnapshot]?.State).toBe('completed');
    // The image's snapshot stored the blocks changed since the full one again: the figure went up, and stays.
    expect(withImage.gib).toBeGreaterThan(afterDelete.gib);
    expect(shows()).toEqual(withImage);
  });
});
