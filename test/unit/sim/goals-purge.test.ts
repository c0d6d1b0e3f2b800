// Goals about instances across the purge: AWS lists a terminated instance for about an hour, then no
// longer (PurgeAt). The World keeps a tombstone of it (`purgedInstances`) that nothing which lists
// instances reads, so "the web-server instance is terminated" stays met once the learner has done it,
// and an unmet goal says what happened to the instance instead of "no instance is named web-server".
import { describe, expect, test } from 'vitest';
import { evaluateGoal } from '../../../src/sim/goals.ts';
import { createHistory, effectiveCalls, jumpTo, redo, runCall, undo } from '../../../src/sim/actor/history.ts';
import { checkInvariants, checkStepInvariants, createWorld, decodeAndReplay, encodeLog, nextEventTime } from '../../../src/sim/index.ts';
import type { SimCall, World } from '../../../src/sim/index.ts';
import { advance, al2023, err, ok, runningInstance } from './helpers.ts';

function goal(world: World, id: string, params: Record<string, unknown>): { met: boolean; because: string } {
  const result = evaluateGoal(world, { id, params });
  if (!result.ok) throw new Error(result.error);
  return { met: result.status.met, because: result.status.because };
}

const nameTag = (resourceType: string, name: string) => ({ TagSpecifications: [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: name }] }] });

/** The keep-the-data-volume start: web-server running in us-east-1a with web-data attached at /dev/sdf (DeleteOnTermination false). */
function webServerWithData(): { world: World; instanceId: string; dataId: string } {
  let world = createWorld();
  const launched = ok(world, 'RunInstances', { ImageId: al2023(world), InstanceType: 't3.micro', Placement: { AvailabilityZone: 'us-east-1a' }, ...nameTag('instance', 'web-server') });
  const instanceId = launched.out.Instances[0].InstanceId as string;
  world = advance(launched.world, 60).world;
  const created = ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 4, ...nameTag('volume', 'web-data') });
  const dataId = created.out.VolumeId as string;
  world = advance(created.world, 10).world;
  world = advance(ok(world, 'AttachVolume', { VolumeId: dataId, InstanceId: instanceId, Device: '/dev/sdf' }).world, 10).world;
  return { world, instanceId, dataId };
}

/** What the lab's "Skip to next completion" does: advance the clock to the next pending completion. */
function skipToNextCompletion(world: World): World {
  const next = nextEventTime(world);
  if (next === null) throw new Error('nothing is pending');
  return advance(world, (next - world.now) / 1000).world;
}

/** Terminates the instance and waits until it is terminated, as `aws ec2 wait instance-terminated` does. */
function terminate(world: World, instanceId: string): World {
  world = ok(world, 'TerminateInstances', { InstanceIds: [instanceId] }).world;
  while (world.instances[instanceId]?.State !== 'terminated') world = skipToNextCompletion(world);
  return world;
}

/** Skips completion by completion until AWS no longer lists the instance (at most a few skips). */
function skipUntilPurged(world: World, instanceId: string): World {
  for (let i = 0; i < 5 && world.instances[instanceId] !== undefined; i++) world = skipToNextCompletion(world);
  expect(world.instances[instanceId]).toBeUndefined();
  return world;
}

const terminated = { instanceName: 'web-server', state: 'terminated' };
const dataInZone = { volumeName: 'web-data', az: 'us-east-1a' };

describe('instanceInState across the purge of a terminated instance (keep-the-data-volume)', () => {
  test('met right after termination, and still met after AWS stops listing the instance', () => {
    const start = webServerWithData();
    expect(goal(start.world, 'instanceInState', terminated)).toEqual({ met: false, because: `${start.instanceId} (web-server) is running` });

    const shuttingDown = ok(start.world, 'TerminateInstances', { InstanceIds: [start.instanceId] }).world;
    expect(goal(shuttingDown, 'instanceInState', terminated)).toEqual({ met: false, because: `${start.instanceId} (web-server) is shutting-down` });

    const done = terminate(start.world, start.instanceId);
    expect(goal(done, 'instanceInState', terminated)).toEqual({ met: true, because: `${start.instanceId} (web-server) is terminated` });
    expect(goal(done, 'volumeInAz', dataInZone)).toEqual({ met: true, because: `${start.dataId} (web-data) is available in us-east-1a` });

    const purged = skipUntilPurged(done, start.instanceId);
    expect(purged.now - (done.instances[start.instanceId]?.PurgeAt ?? 0)).toBe(0);
    expect(goal(purged, 'instanceInState', terminated)).toEqual({ met: true, because: `${start.instanceId} (web-server) was terminated and is no longer listed` });
    expect(goal(purged, 'volumeInAz', dataInZone)).toEqual({ met: true, because: `${start.dataId} (web-data) is available in us-east-1a` });
    // Much later, still met.
    expect(goal(advance(purged, 30 * 86400).world, 'instanceInState', terminated).met).toBe(true);
  });

  test('the failing-before case: after the purge no listed instance is named web-server, which the goal used to read as "not met"', () => {
    const start = webServerWithData();
    const purged = skipUntilPurged(terminate(start.world, start.instanceId), start.instanceId);
    // DescribeInstances behaves as before: the instance is not listed, by filter or by id.
    const byName = ok(purged, 'DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['web-server'] }] }).out;
    expect(byName.Reservations).toEqual([]);
    expect(ok(purged, 'DescribeInstances', {}).out.Reservations).toEqual([]);
    err(purged, 'DescribeInstances', { InstanceIds: [start.instanceId] }, 'InvalidInstanceID.NotFound');
    err(purged, 'TerminateInstances', { InstanceIds: [start.instanceId] }, 'InvalidInstanceID.NotFound');
    expect(Object.values(purged.instances).some((i) => i.Tags.some((t) => t.Key === 'Name' && t.Value === 'web-server'))).toBe(false);
    // Before the fix this was { met: false, because: 'no instance is named web-server' }.
    expect(goal(purged, 'instanceInState', terminated)).not.toEqual({ met: false, because: 'no instance is named web-server' });
    expect(goal(purged, 'instanceInState', terminated).met).toBe(true);
    // What the World remembers, and only that.
    expect(purged.purgedInstances).toEqual({
      [start.instanceId]: { InstanceId: start.instanceId, Region: 'us-east-1', OwnerId: purged.accountId, ImageId: al2023(purged), Name: 'web-server', PurgedAt: purged.now },
    });
  });

  test('a purged instance meets no other state, says why, and a name never used is still "no instance"', () => {
    const start = webServerWithData();
    const purged = skipUntilPurged(terminate(start.world, start.instanceId), start.instanceId);
    const gone = `${start.instanceId} (web-server) was terminated and is no longer listed`;
    expect(goal(purged, 'instanceInState', { instanceName: 'web-server', state: 'running' })).toEqual({ met: false, because: gone });
    expect(goal(purged, 'instanceInState', { instanceName: 'db', state: 'terminated' })).toEqual({ met: false, because: 'no instance is named db' });

    // A new web-server: running is met by it; the old one is listed after it when nothing matches.
    const relaunched = ok(purged, 'RunInstances', { ImageId: al2023(purged), InstanceType: 't3.micro', ...nameTag('instance', 'web-server') });
    const newId = relaunched.out.Instances[0].InstanceId as string;
    expect(goal(relaunched.world, 'instanceInState', { instanceName: 'web-server', state: 'stopped' })).toEqual({
      met: false,
      because: `${newId} (web-server) is pending and ${gone}`,
    });
    const running = advance(relaunched.world, 60).world;
    expect(goal(running, 'instanceInState', { instanceName: 'web-server', state: 'running' })).toEqual({ met: true, because: `${newId} (web-server) is running` });
    // "terminated" was met before the new one was launched, and stays met.
    expect(goal(running, 'instanceInState', terminated)).toEqual({ met: true, because: gone });
  });

  test('instanceRunningFromImage and the instance goals that need a live instance say what became of a purged one', () => {
    const start = webServerWithData();
    const purged = skipUntilPurged(terminate(start.world, start.instanceId), start.instanceId);
    const ami = al2023(purged);
    const imageName = purged.images[ami]?.Name ?? '';
    expect(goal(purged, 'instanceRunningFromImage', { imageName, instanceName: 'web-server' })).toEqual({
      met: false,
      because: `${start.instanceId} (web-server), launched from ${ami} (${imageName}), was terminated and is no longer listed`,
    });
    expect(goal(purged, 'instanceRunningFromImage', { imageName })).toEqual({
      met: false,
      because: `${start.instanceId} (web-server), launched from ${ami} (${imageName}), was terminated and is no longer listed`,
    });
    expect(goal(purged, 'instanceRunningFromImage', { imageName, region: 'eu-west-1' })).toEqual({ met: false, because: `no instance was launched from ${imageName} in eu-west-1 yet` });
    // Unmet before and after the purge, with the same reason.
    for (const world of [terminate(start.world, start.instanceId), purged]) {
      expect(goal(world, 'fileOnInstance', { instanceName: 'web-server', path: '/etc/os-release' })).toEqual({
        met: false,
        because: 'no instance named web-server is left (none, or only terminated ones)',
      });
      expect(goal(world, 'volumeRestoredAttached', { instanceName: 'web-server' })).toEqual({
        met: false,
        because: 'no instance named web-server is left (none, or only terminated ones)',
      });
    }
  });

  test('survives undo, redo and a permalink: the history and the saved log replay the tombstone', async () => {
    const start = webServerWithData();
    let history = createHistory(start.world);
    const call = (c: SimCall): void => {
      const r = runCall(history, c);
      if (!r.ok) throw new Error(`${c.action}: ${r.error.Message}`);
      history = r.history;
    };
    call({ action: 'TerminateInstances', params: { InstanceIds: [start.instanceId] } });
    while (history.world.instances[start.instanceId]?.State !== 'terminated') {
      call({ action: 'Advance', params: { Seconds: ((nextEventTime(history.world) ?? 0) - history.world.now) / 1000 } });
    }
    const terminatedAt = history.cursor;
    while (history.world.instances[start.instanceId] !== undefined) {
      call({ action: 'Advance', params: { Seconds: ((nextEventTime(history.world) ?? 0) - history.world.now) / 1000 } });
    }
    const purged = history.world;
    expect(checkInvariants(purged)).toEqual([]);
    expect(goal(purged, 'instanceInState', terminated)).toEqual({ met: true, because: `${start.instanceId} (web-server) was terminated and is no longer listed` });

    // Undo the skip that purged: listed again, no tombstone; redo: purged again, the same World.
    history = undo(history);
    expect(history.world.instances[start.instanceId]?.State).toBe('terminated');
    expect(history.world.purgedInstances).toEqual({});
    expect(goal(history.world, 'instanceInState', terminated)).toEqual({ met: true, because: `${start.instanceId} (web-server) is terminated` });
    history = redo(history);
    expect(history.world).toEqual(purged);
    // Undo back to before the instance was terminated: not met.
    history = jumpTo(history, terminatedAt - 1);
    expect(goal(history.world, 'instanceInState', terminated).met).toBe(false);
    history = jumpTo(history, history.entries.length);

    // A permalink stores the calls; decoding replays them to the same World.
    const encoded = await encodeLog({ calls: effectiveCalls(history) });
    if (!encoded.ok) throw new Error(encoded.error);
    const restored = await decodeAndReplay(encoded.encoded, start.world);
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.world).toEqual(purged);
    expect(goal(restored.world, 'instanceInState', terminated).met).toBe(true);
  });
});

test('one long Advance takes an instance from shutting-down to purged, and the step invariants accept it', () => {
  const { world: launched, instanceId } = runningInstance();
  const terminating = ok(launched, 'TerminateInstances', { InstanceIds: [instanceId] }).world;
  expect(terminating.instances[instanceId]?.State).toBe('shutting-down');
  const after = advance(terminating, 6 * 3600).world;
  expect(after.instances[instanceId]).toBeUndefined();
  expect(after.purgedInstances[instanceId]).toBeDefined();
  expect(checkStepInvariants(terminating, after)).toEqual([]);
});
