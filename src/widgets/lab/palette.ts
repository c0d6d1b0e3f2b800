/**
 * The calls the Lab offers without a selected resource (the Create buttons). Their forms' fields live
 * in actionForms.ts, which loads with the form, not with the lab.
 */
import type { SimCall, World } from '../../sim/index.ts';

/** AMIs a new instance can start from in the lab's home Region. */
export const launchableImageIds = (world: World): string[] =>
  Object.values(world.images)
    .filter((i) => i.Region === 'us-east-1' && i.State === 'available')
    .map((i) => i.ImageId);

export const PALETTE_CALLS: ReadonlyArray<{ label: string; call: (world: World) => SimCall }> = [
  {
    label: 'Launch an instance',
    call: (world) => ({ action: 'RunInstances', params: { ImageId: launchableImageIds(world)[0] ?? '', MinCount: 1, MaxCount: 1 } }),
  },
  {
    label: 'Create an empty volume',
    call: () => ({ action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 8, VolumeType: 'gp3' } }),
  },
];
