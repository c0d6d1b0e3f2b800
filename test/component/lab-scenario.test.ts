/** Scenario scripts become the Lab's setup calls at build time; a script the CLI cannot run gives a message. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createWorld, execute } from '../../src/sim/index.ts';
import type { SimCall } from '../../src/sim/index.ts';
import { scenarioSetup } from '../../src/widgets/lab/scenario.ts';

describe('scenarioSetup', () => {
  test('an empty script is the empty account', () => {
    expect(scenarioSetup('')).toEqual({ ok: true, calls: [] });
  });

  test('a script becomes the calls that rebuild it, waits included', () => {
    const world = createWorld();
    const imageId = Object.values(world.images).find((i) => i.Region === 'us-east-1' && i.Name.startsWith('al2023'))?.ImageId;
    const setup = scenarioSetup(
      `# comment\naws ec2 run-instances --image-id ${imageId} \\\n  --placement AvailabilityZone=us-east-1b\naws ec2 wait instance-running --filters Name=availability-zone,Values=us-east-1b\n`,
    );
    if (!setup.ok) throw new Error(setup.error);
    expect(setup.calls[0]).toMatchObject({ action: 'RunInstances', params: { ImageId: imageId, Placement: { AvailabilityZone: 'us-east-1b' } } });
    expect(setup.calls.slice(1).every((c: SimCall) => c.action === 'Advance')).toBe(true);
    let replayed = world;
    for (const call of setup.calls) {
      const r = execute(replayed, call);
      if (!r.ok) throw new Error(r.error.Message);
      replayed = r.world;
    }
    expect(Object.values(replayed.instances)[0]?.State).toBe('running');
  });

  test('the lesson scenario, with its shell variables, replays to a web server with its data volume at /dev/sdf', () => {
    const yaml = readFileSync('content/scenarios/web-server-with-data-volume.yaml', 'utf8');
    const script = yaml.split('script: |\n')[1]?.replace(/^ {2}/gm, '') ?? '';
    const setup = scenarioSetup(script);
    if (!setup.ok) throw new Error(setup.error);
    let replayed = createWorld();
    for (const call of setup.calls) {
      const r = execute(replayed, call);
      if (!r.ok) throw new Error(r.error.Message);
      replayed = r.world;
    }
    const data = Object.values(replayed.volumes).find((v) => v.Attachment?.Device === '/dev/sdf');
    expect(data?.Size).toBe(20);
    expect(Object.values(replayed.instances)[0]?.State).toBe('running');
  });

  test('a script the CLI cannot run gives a message naming the line, not a crash', () => {
    const setup = scenarioSetup('aws ec2 describe-volumes\naws ec2 attach-volume --volume-id vol-0123456789abcdef0 --instance-id i-0123456789abcdef0 --device /dev/sdf\n');
    expect(setup).toEqual({ ok: false, error: expect.stringMatching(/^Line 2 of its script could not be run: .*InvalidVolume\.NotFound|^Line 2 of its script could not be run: .*does not exist/) });
  });
});
