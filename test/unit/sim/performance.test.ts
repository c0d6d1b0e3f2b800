// One action on a World of about 1,000 resources must stay well under a millisecond, so that the
// simulator actor can replay long histories and the Lab can probe possibleActions freely.
import { describe, expect, test } from 'vitest';
import { checkInvariants, createWorld, execute } from '../../../src/sim/index.ts';
import type { SimCall, World } from '../../../src/sim/index.ts';
import { al2023 } from './helpers.ts';

function apply(world: World, call: SimCall): World {
  const r = execute(world, call);
  if (!r.ok) throw new Error(`${call.action}: ${r.error.Code} ${r.error.Message}`);
  return r.world;
}

function bigWorld(): { world: World; instanceId: string; volumeId: string } {
  let world = createWorld();
  world = apply(world, { action: 'RunInstances', params: { ImageId: al2023(world), MinCount: 20, MaxCount: 20 } });
  world = apply(world, { action: 'Advance', params: { Seconds: 60 } });
  for (let n = 0; n < 480; n++) {
    world = apply(world, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 1 + (n % 20) } });
  }
  world = apply(world, { action: 'Advance', params: { Seconds: 10 } });
  for (const id of Object.keys(world.volumes)) world = apply(world, { action: 'CreateSnapshot', params: { VolumeId: id } });
  world = apply(world, { action: 'Advance', params: { Seconds: 600 } });
  const instanceId = Object.keys(world.instances)[0]!;
  const volumeId = Object.values(world.volumes).find((v) => v.Attachment?.InstanceId === instanceId)!.VolumeId;
  return { world, instanceId, volumeId };
}

function medianMs(run: () => void, times = 60): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

describe('performance', () => {
  test('typical actions take well under 1 ms on a World with 1,000+ resources', () => {
    const { world, instanceId, volumeId } = bigWorld();
    const count = Object.keys(world.instances).length + Object.keys(world.volumes).length + Object.keys(world.snapshots).length + Object.keys(world.images).length;
    expect(count).toBeGreaterThanOrEqual(1000);
    expect(checkInvariants(world)).toEqual([]);
    const later = apply(world, { action: 'Advance', params: { Seconds: 20 } });
    const calls: SimCall[] = [
      { action: 'CreateSnapshot', params: { VolumeId: volumeId } },
      { action: 'WriteFile', params: { InstanceId: instanceId, Path: '/home/ec2-user/x.txt', Content: 'x' } },
      { action: 'StopInstances', params: { InstanceIds: [instanceId] } },
      { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', Size: 5 } },
      { action: 'DescribeVolumes', params: { VolumeIds: [volumeId] } },
      { action: 'Advance', params: { Seconds: 30 } },
    ];
    for (const call of calls) {
      const ms = medianMs(() => execute(later, call));
      expect(ms, call.action).toBeLessThan(1);
    }
  });
});
