/** Tab completion in the lab terminal: names, options, and an option's values (completion.ts). */
import { expect, test } from 'vitest';
import { createWorld, execute, publicImageId } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';
import { complete } from '../../src/widgets/lab/completion.ts';

function worldWithInstance(): { world: World; instanceId: string; volumeId: string } {
  const fresh = createWorld();
  const imageId = publicImageId(fresh, 'us-east-1', 'al2023') ?? '';
  const run = execute(fresh, { action: 'RunInstances', params: { ImageId: imageId, MinCount: 1, MaxCount: 1 } });
  if (!run.ok) throw new Error(run.error.Message);
  const world = run.world;
  return { world, instanceId: Object.keys(world.instances)[0] ?? '', volumeId: Object.keys(world.volumes)[0] ?? '' };
}

const at = (world: World, text: string) => complete(world, text, text.length).candidates;

test('--instance-ids offers instance ids only, for each value of the list', () => {
  const { world, instanceId } = worldWithInstance();
  expect(at(world, 'aws ec2 stop-instances --instance-ids ')).toEqual([instanceId]);
  expect(at(world, `aws ec2 stop-instances --instance-ids ${instanceId} `)).toEqual([instanceId]);
});

test('--volume-id offers volumes, --image-id images, and a partial id narrows them', () => {
  const { world, volumeId } = worldWithInstance();
  expect(at(world, 'aws ec2 create-snapshot --volume-id ')).toEqual([volumeId]);
  const images = at(world, 'aws ec2 run-instances --image-id ami-');
  expect(images.length).toBeGreaterThan(0);
  expect(images.every((id) => id.startsWith('ami-'))).toBe(true);
});

test("--availability-zone offers the Region's zones, --placement as AvailabilityZone=, --region switches them", () => {
  const { world } = worldWithInstance();
  expect(at(world, 'aws ec2 create-volume --availability-zone ')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  expect(at(world, 'aws ec2 create-volume --availability-zone us-east-1b')).toEqual(['us-east-1b']);
  expect(at(world, 'aws ec2 run-instances --placement ')).toContain('AvailabilityZone=us-east-1a');
  expect(at(world, 'aws ec2 create-volume --region eu-west-1 --availability-zone ').every((z) => z.startsWith('eu-west-1'))).toBe(true);
});

test('types, output formats and Regions; a free-text option offers no values', () => {
  const { world } = worldWithInstance();
  expect(at(world, 'aws ec2 create-volume --volume-type gp')).toEqual(['gp2', 'gp3']);
  expect(at(world, 'aws ec2 run-instances --instance-type t3.mi')).toContain('t3.micro');
  expect(at(world, 'aws ec2 describe-volumes --output t')).toEqual(['table', 'text']);
  expect(at(world, 'aws ec2 describe-volumes --region ')).toEqual(['us-east-1', 'eu-west-1']);
  expect(at(world, 'aws ec2 create-snapshot --description we')).toEqual([]);
});
