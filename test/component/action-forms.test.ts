/**
 * The lab's action forms: the Name tag field of every create form sends TagSpecifications the model
 * accepts (and empty sends none); free-text fields start from the form's defaults, not the probe's.
 */
import { describe, expect, test } from 'vitest';
import { actionChecks, execute } from '../../src/sim/index.ts';
import type { SimCall, World } from '../../src/sim/index.ts';
import { ACTION_FIELDS, buildCall, initialValues } from '../../src/widgets/lab/actionForms.ts';
import { advance, ok, runningInstance } from '../unit/sim/helpers.ts';

function probe(world: World, id: string, action: string): SimCall {
  const check = actionChecks(world, id).find((c) => c.action === action);
  if (check?.ok !== true) throw new Error(`${action} is not possible on ${id}: ${check?.error?.Message ?? 'not offered'}`);
  return check.call;
}

function named(world: World, call: SimCall, name: string): SimCall {
  const fields = ACTION_FIELDS[call.action] ?? [];
  return buildCall(call, fields, { ...initialValues(world, call, fields), TagSpecifications: name });
}

describe('Name tag', () => {
  const { world: launched, instanceId, rootVolumeId } = runningInstance();
  const snap = ok(launched, 'CreateSnapshot', { VolumeId: rootVolumeId });
  const snapshotId = (snap.out as { SnapshotId: string }).SnapshotId;
  const image = ok(advance(snap.world, 3600).world, 'CreateImage', { InstanceId: instanceId, Name: 'tag-test', NoReboot: true });
  const world = advance(image.world, 3600).world;
  const imageId = (image.out as { ImageId: string }).ImageId;

  test.each([
    [rootVolumeId, 'CreateSnapshot', ['snapshot']],
    [instanceId, 'CreateImage', ['image', 'snapshot']],
    [instanceId, 'CreateSnapshots', ['snapshot']],
    [snapshotId, 'CreateVolume', ['volume']],
    [snapshotId, 'CopySnapshot', ['snapshot']],
    [snapshotId, 'RegisterImage', ['image']],
    [imageId, 'RunInstances', ['instance', 'volume']],
    [imageId, 'CopyImage', ['image', 'snapshot']],
  ])('on %s, %s tags %j and the model accepts it', (id, action, types) => {
    const base = probe(world, id, action);
    expect(named(world, base, '').params).not.toHaveProperty('TagSpecifications');
    const call = named(world, base, '  app-backup ');
    expect(call.params?.['TagSpecifications']).toEqual(types.map((ResourceType) => ({ ResourceType, Tags: [{ Key: 'Name', Value: 'app-backup' }] })));
    const result = execute(world, call);
    expect(result.ok, result.ok ? '' : result.error.Message).toBe(true);
  });
});

describe('WriteFile form', () => {
  const { world, instanceId } = runningInstance();
  const base = probe(world, instanceId, 'WriteFile');
  const fields = ACTION_FIELDS['WriteFile'] ?? [];

  test('starts from a readable path and content, not the placeholder the model was asked with', () => {
    expect(initialValues(world, base, fields)).toEqual({ Path: '/home/ec2-user/notes.txt', Content: 'Hello from the lab' });
    const result = execute(world, buildCall(base, fields, initialValues(world, base, fields)));
    expect(result.ok, result.ok ? '' : result.error.Message).toBe(true);
  });

  test('writes an empty file when the content is cleared, instead of leaving Content out', () => {
    const call = buildCall(base, fields, { Path: '/mnt/sdf/empty.txt', Content: '' });
    expect(call.params).toMatchObject({ InstanceId: instanceId, Path: '/mnt/sdf/empty.txt', Content: '' });
  });
});
