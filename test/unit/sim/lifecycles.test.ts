import { describe, expect, test } from 'vitest';
import {
  attachmentLifecycle,
  checkStepInvariants,
  createWorld,
  imageLifecycle,
  instanceLifecycle,
  snapshotLifecycle,
  volumeLifecycle,
} from '../../../src/sim/index.ts';
import { al2023, ok } from './helpers.ts';
import { nextFlatState, nextState, nextTier } from '../../../src/sim/lifecycles.ts';

describe('lifecycle machines', () => {
  test('instance: the reference transitions, and terminated is final (I25)', () => {
    const path = [
      ['pending', 'BOOTED', 'running'],
      ['running', 'STOP', 'stopping'],
      ['stopping', 'STOPPED', 'stopped'],
      ['stopped', 'START', 'pending'],
      ['running', 'REBOOT', 'running'],
      ['stopped', 'TERMINATE', 'shutting-down'],
      ['shutting-down', 'TERMINATED', 'terminated'],
    ] as const;
    for (const [from, event, to] of path) expect(nextFlatState(instanceLifecycle, from, event)).toBe(to);
    for (const event of ['START', 'STOP', 'BOOTED', 'REBOOT', 'TERMINATE']) expect(nextFlatState(instanceLifecycle, 'terminated', event)).toBeNull();
    expect(nextFlatState(instanceLifecycle, 'pending', 'STOP')).toBeNull();
    expect(nextFlatState(instanceLifecycle, 'stopped', 'REBOOT')).toBeNull();
  });

  test('volume and attachment', () => {
    expect(nextFlatState(volumeLifecycle, 'creating', 'ATTACH')).toBeNull();
    expect(nextFlatState(volumeLifecycle, 'available', 'ATTACH')).toBe('in-use');
    expect(nextFlatState(volumeLifecycle, 'in-use', 'DELETE')).toBeNull();
    expect(nextFlatState(attachmentLifecycle, 'attaching', 'DETACH')).toBeNull();
    expect(nextFlatState(attachmentLifecycle, 'attached', 'DETACH')).toBe('detaching');
  });

  test('snapshot tiers and image states', () => {
    expect(nextState(snapshotLifecycle, 'pending', 'COMPLETE')).toEqual({ completed: 'standard' });
    expect(nextTier('standard', 'ARCHIVE')).toBe('archiving');
    expect(nextTier('archived', 'RESTORE')).toBe('restoring');
    expect(nextTier('restoring', 'RESTORED_TEMPORARY')).toBe('temporary-restored');
    expect(nextTier('temporary-restored', 'RESTORE_EXPIRED')).toBe('archived');
    expect(nextTier('standard', 'RESTORE')).toBeNull();
    expect(nextFlatState(imageLifecycle, 'pending', 'DISABLE')).toBeNull();
    expect(nextFlatState(imageLifecycle, 'disabled', 'ENABLE')).toBe('available');
    expect(nextFlatState(imageLifecycle, 'deregistered', 'ENABLE')).toBeNull();
  });

  test('machines are plain definitions (no side-effect actions) with the expected state names', () => {
    expect(Object.keys(instanceLifecycle.root.states)).toEqual(['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated']);
    expect(Object.keys(imageLifecycle.root.states)).toEqual(['pending', 'available', 'disabled', 'deregistered']);
    expect(Object.keys(snapshotLifecycle.root.states)).toEqual(['pending', 'completed']);
  });
});

describe('checkStepInvariants', () => {
  test('flags a terminated instance coming back, a changed snapshot, a modified block and a clock going back', () => {
    const world = createWorld();
    const snapId = Object.keys(world.snapshots)[0]!;
    const blockId = Object.keys(world.blocks)[0]!;
    const run = ok(world, 'RunInstances', { ImageId: al2023(world) });
    const id = Object.keys(run.world.instances)[0]!;
    const terminated = { ...run.world, instances: { [id]: { ...run.world.instances[id]!, State: 'terminated' as const } } };
    const revived = { ...terminated, now: terminated.now - 1, instances: { [id]: { ...terminated.instances[id]!, State: 'running' as const } } };
    const tampered = {
      ...revived,
      snapshots: { ...revived.snapshots, [snapId]: { ...revived.snapshots[snapId]!, Image: {} } },
      blocks: { ...revived.blocks, [blockId]: { ...revived.blocks[blockId]!, Files: { '/x': 'y' } } },
    };
    expect(checkStepInvariants(terminated, tampered)).toEqual([
      `the clock went back from ${terminated.now} to ${terminated.now - 1}`,
      `I25: terminated instance ${id} is now running`,
      `I8: the content of snapshot ${snapId} changed`,
      `block version ${blockId} was modified`,
    ]);
    expect(checkStepInvariants(world, run.world)).toEqual([]);
  });
});
