import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/run.ts';
import { WAITER_BY_CLI_NAME, runWaiter, type PollResponse, type WaiterDef } from '../../src/cli/waiters.ts';
import { createWorld, publicImageId, type World } from '../../src/sim/index.ts';

function waiter(name: string): WaiterDef {
  const w = WAITER_BY_CLI_NAME.get(name);
  if (w === undefined) throw new Error(name);
  return w;
}

const instances = (...states: string[]): PollResponse => ({
  ok: true,
  output: { Reservations: [{ Instances: states.map((s) => ({ State: { Name: s } })) }] },
});

/** Runs a waiter against a scripted list of responses (the last one repeats), counting sleeps. */
function scripted(w: WaiterDef, responses: PollResponse[]) {
  let polls = 0;
  const sleeps: number[] = [];
  const outcome = runWaiter(w, () => responses[Math.min(polls++, responses.length - 1)] as PollResponse, (s) => sleeps.push(s));
  return { outcome, polls, sleeps };
}

describe('runWaiter (botocore Waiter.wait)', () => {
  it('succeeds when every element matches, sleeping the delay between polls', () => {
    const r = scripted(waiter('instance-running'), [instances('pending'), instances('pending'), instances('running')]);
    expect(r.outcome).toEqual({ ok: true, attempts: 3 });
    expect(r.sleeps).toEqual([15, 15]);
  });

  it('gives up after maxAttempts polls (39 sleeps of 15 s for 40 attempts)', () => {
    const r = scripted(waiter('instance-stopped'), [instances('running')]);
    expect(r.outcome).toEqual({ ok: false, attempts: 40, message: 'Waiter InstanceStopped failed: Max attempts exceeded' });
    expect(r.sleeps).toHaveLength(39);
  });

  it('stops at a failure acceptor with its explanation', () => {
    const r = scripted(waiter('instance-running'), [instances('pending', 'terminated')]);
    expect(r.outcome).toEqual({
      ok: false,
      attempts: 1,
      message:
        'Waiter InstanceRunning failed: Waiter encountered a terminal failure state: For expression ' +
        '"Reservations[].Instances[].State.Name" we matched expected path: "terminated" at least once',
    });
  });

  it('SnapshotCompleted fails on a snapshot in the error state', () => {
    const r = scripted(waiter('snapshot-completed'), [{ ok: true, output: { Snapshots: [{ State: 'error' }] } }]);
    expect(r.outcome.ok === false && r.outcome.message).toBe(
      'Waiter SnapshotCompleted failed: Waiter encountered a terminal failure state: For expression "Snapshots[].State" ' +
        'we matched expected path: "error" at least once',
    );
  });

  it('retries on a matched error code and reports it when attempts run out', () => {
    const notFound: PollResponse = { ok: false, code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-1' does not exist" };
    const r = scripted(waiter('instance-running'), [notFound]);
    expect(r.outcome).toEqual({
      ok: false,
      attempts: 40,
      message:
        'Waiter InstanceRunning failed: Max attempts exceeded. Previously accepted state: Matched expected service error code: ' +
        'InvalidInstanceID.NotFound',
    });
  });

  it('fails at once on an error no acceptor expects', () => {
    const r = scripted(waiter('volume-available'), [{ ok: false, code: 'InvalidVolume.NotFound', message: "The volume 'vol-1' does not exist." }]);
    expect(r.outcome).toEqual({
      ok: false,
      attempts: 1,
      message: "Waiter VolumeAvailable failed: An error occurred (InvalidVolume.NotFound): The volume 'vol-1' does not exist.",
    });
  });

  it('VolumeDeleted counts InvalidVolume.NotFound as success', () => {
    const r = scripted(waiter('volume-deleted'), [{ ok: false, code: 'InvalidVolume.NotFound', message: 'gone' }]);
    expect(r.outcome).toEqual({ ok: true, attempts: 1 });
  });
});

describe('aws ec2 wait against the simulation', () => {
  function launch(): { world: World; id: string } {
    const world = createWorld();
    const ami = publicImageId(world, 'us-east-1', 'al2023');
    const r = runCommand(world, `aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --query Instances[0].InstanceId --output text`);
    expect(r.exitCode).toBe(0);
    return { world: r.world, id: r.stdout.trim() };
  }

  it('instance-running returns once the instance runs, having moved the clock in 15 s steps', () => {
    const { world, id } = launch();
    const r = runCommand(world, `aws ec2 wait instance-running --instance-ids ${id}`);
    expect(r).toMatchObject({ exitCode: 0, stdout: '', stderr: '', output: null, error: null });
    const waited = (r.world.now - world.now) / 1000;
    expect(waited % 15).toBe(0);
    expect(waited).toBeGreaterThan(0);
    expect(r.calls.every((c) => c.action === 'Advance')).toBe(true);
    expect(r.world.instances[id]?.State).toBe('running');
  });

  it('instance-stopped on a running instance fails after 40 attempts, 585 simulated seconds later', () => {
    const { world, id } = launch();
    const running = runCommand(world, `aws ec2 wait instance-running --instance-ids ${id}`).world;
    const r = runCommand(running, `aws ec2 wait instance-stopped --instance-ids ${id}`);
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toBe('\nWaiter InstanceStopped failed: Max attempts exceeded\n');
    expect(r.error).toEqual({ Code: 'WaiterError', Message: 'Waiter InstanceStopped failed: Max attempts exceeded', Operation: 'DescribeInstances' });
    expect((r.world.now - running.now) / 1000).toBe(39 * 15);
  });

  it('instance-running on a terminated instance fails at the terminal state', () => {
    const { world, id } = launch();
    const running = runCommand(world, `aws ec2 wait instance-running --instance-ids ${id}`).world;
    const terminating = runCommand(running, `aws ec2 terminate-instances --instance-ids ${id}`).world;
    const r = runCommand(terminating, `aws ec2 wait instance-running --instance-ids ${id}`);
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toContain('Waiter InstanceRunning failed: Waiter encountered a terminal failure state: For expression');
    expect(r.stderr).toContain('we matched expected path: "shutting-down" at least once');
  });

  it('volume-available then snapshot-completed', () => {
    let world = createWorld();
    const created = runCommand(world, 'aws ec2 create-volume --availability-zone us-east-1a --size 4 --query VolumeId --output text');
    const volumeId = created.stdout.trim();
    world = runCommand(created.world, `aws ec2 wait volume-available --volume-ids ${volumeId}`).world;
    expect(world.volumes[volumeId]?.State).toBe('available');
    const snap = runCommand(world, `aws ec2 create-snapshot --volume-id ${volumeId} --query SnapshotId --output text`);
    const snapshotId = snap.stdout.trim();
    expect(snap.world.snapshots[snapshotId]?.State).toBe('pending');
    const waited = runCommand(snap.world, `aws ec2 wait snapshot-completed --snapshot-ids ${snapshotId}`);
    expect(waited.exitCode).toBe(0);
    expect(waited.world.snapshots[snapshotId]?.State).toBe('completed');
  });
});
