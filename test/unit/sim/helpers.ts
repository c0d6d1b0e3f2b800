// Small named helpers for the sim tests: run a call that must succeed (and keep every invariant),
// or one that must fail with a given code (and leave the World exactly as it was).
import { expect } from 'vitest';
import { checkInvariants, checkStepInvariants, createWorld, execute, publicImageId } from '../../../src/sim/index.ts';
import type { RegionName, SimEvent, World } from '../../../src/sim/index.ts';

export interface Step {
  world: World;
  out: Record<string, any>;
  events: SimEvent[];
}

export function ok(world: World, action: string, params: Record<string, unknown> = {}, region?: RegionName): Step {
  const before = structuredClone(world);
  const r = execute(world, { action, params, ...(region ? { region } : {}) });
  if (!r.ok) throw new Error(`${action} failed: ${r.error.Code}: ${r.error.Message}`);
  expect(world).toEqual(before);
  expect(checkInvariants(r.world)).toEqual([]);
  expect(checkStepInvariants(world, r.world)).toEqual([]);
  return { world: r.world, out: r.output as Record<string, any>, events: r.events };
}

export function err(world: World, action: string, params: Record<string, unknown>, code: string, region?: RegionName): string {
  const before = structuredClone(world);
  const r = execute(world, { action, params, ...(region ? { region } : {}) });
  if (r.ok) throw new Error(`${action} succeeded but ${code} was expected`);
  expect(r.error.Code).toBe(code);
  expect(world).toEqual(before);
  return r.error.Message;
}

export function advance(world: World, seconds: number): Step {
  return ok(world, 'Advance', { Seconds: seconds });
}

export function al2023(world: World, region: RegionName = 'us-east-1'): string {
  const id = publicImageId(world, region, 'al2023');
  if (!id) throw new Error('catalogue AMI missing');
  return id;
}

/** A fresh World with one running AL2023 instance in us-east-1a; returns the instance and root volume ids. */
export function runningInstance(world: World = createWorld(), zone = 'us-east-1a'): { world: World; instanceId: string; rootVolumeId: string } {
  const run = ok(world, 'RunInstances', { ImageId: al2023(world), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: zone } });
  const instanceId = run.out.Instances[0].InstanceId as string;
  const booted = advance(run.world, 60).world;
  const rootVolumeId = Object.values(booted.volumes).find((v) => v.Attachment?.InstanceId === instanceId)!.VolumeId;
  return { world: booted, instanceId, rootVolumeId };
}

export function state(world: World, id: string): string | undefined {
  return world.instances[id]?.State ?? world.volumes[id]?.State ?? world.snapshots[id]?.State ?? world.images[id]?.State;
}
