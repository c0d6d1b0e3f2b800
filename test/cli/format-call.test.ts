import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeOperation, completeOption, completeResourceId, completeWaiter } from '../../src/cli/complete.ts';
import { formatCall } from '../../src/cli/format-call.ts';
import { OPERATIONS } from '../../src/cli/operations.ts';
import { parseCommandLine, toSimCall } from '../../src/cli/parse.ts';
import { runCommand } from '../../src/cli/run.ts';
import type { Shape } from '../../src/cli/shapes.ts';
import { createWorld, publicImageId } from '../../src/sim/index.ts';

function reparse(line: string) {
  const parsed = parseCommandLine(line);
  if (parsed.kind === 'error') throw new Error(`${line}\n${parsed.stderr}`);
  return toSimCall(parsed);
}

describe('formatCall prints the command a click stands for', () => {
  it.each([
    [{ action: 'CreateSnapshot', params: { VolumeId: 'vol-1', Description: 'nightly backup' } },
      "aws ec2 create-snapshot --description 'nightly backup' --volume-id vol-1"],
    [{ action: 'CreateImage', params: { InstanceId: 'i-1', Name: 'golden', NoReboot: true } },
      'aws ec2 create-image --instance-id i-1 --name golden --no-reboot'],
    [{ action: 'RunInstances', params: { ImageId: 'ami-1', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1b' } } },
      'aws ec2 run-instances --image-id ami-1 --placement AvailabilityZone=us-east-1b'],
    [{ action: 'RunInstances', params: { ImageId: 'ami-1', MinCount: 2, MaxCount: 2 } }, 'aws ec2 run-instances --image-id ami-1 --count 2'],
    [{ action: 'CopyImage', region: 'eu-west-1', params: { SourceImageId: 'ami-1', SourceRegion: 'us-east-1', Name: 'copy' } },
      'aws ec2 copy-image --name copy --source-image-id ami-1 --source-region us-east-1 --region eu-west-1'],
    [{ action: 'DescribeVolumes', params: { Filters: [{ Name: 'status', Values: ['available', 'in-use'] }] } },
      'aws ec2 describe-volumes --filters Name=status,Values=available,in-use'],
    [{ action: 'CreateTags', params: { Resources: ['vol-1'], Tags: [{ Key: 'Name', Value: 'web server' }] } },
      `aws ec2 create-tags --resources vol-1 --tags '[{"Key":"Name","Value":"web server"}]'`],
    [{ action: 'WriteFile', params: { InstanceId: 'i-1', Path: '/tmp/a.txt', Content: "it's here" } },
      `sim write i-1 /tmp/a.txt 'it'"'"'s here'`],
    [{ action: 'Advance', params: { Seconds: 60 } }, 'sim advance 60'],
    [{ action: 'DescribeStorage' }, 'sim storage'],
  ])('%j', (call, line) => {
    expect(formatCall(call)).toBe(line);
  });

  it('block device mappings round-trip through shorthand', () => {
    const call = {
      action: 'RunInstances',
      params: {
        ImageId: 'ami-1',
        MinCount: 1,
        MaxCount: 1,
        BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 8, DeleteOnTermination: false, VolumeType: 'gp3' } }],
      },
    };
    const line = formatCall(call);
    expect(line).toBe("aws ec2 run-instances --block-device-mappings 'DeviceName=/dev/sdf,Ebs={VolumeSize=8,DeleteOnTermination=false,VolumeType=gp3}' --image-id ami-1");
    expect(reparse(line)).toEqual(call);
  });

  /** Arbitrary values of a shape, including text that shorthand cannot carry (so JSON is used). */
  function arbitrary(shape: Shape, depth = 0): fc.Arbitrary<unknown> {
    switch (shape.type) {
      case 'string':
        return shape.enum !== undefined ? fc.constantFrom(...shape.enum) : fc.string({ minLength: 1, maxLength: 12 });
      case 'integer':
        return fc.integer({ min: 0, max: 5000 });
      case 'double':
        return fc.double({ min: 0, max: 100, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'list':
        return fc.array(arbitrary(shape.member, depth + 1), { minLength: 1, maxLength: 3 });
      case 'structure': {
        const entries = Object.entries(shape.members).slice(0, depth > 1 ? 2 : 5);
        return fc.record(Object.fromEntries(entries.map(([k, m]) => [k, arbitrary(m, depth + 1)])), { requiredKeys: [] })
          .filter((r) => Object.keys(r).length > 0);
      }
    }
  }

  it('parsing the printed command gives back the same call, for every operation', () => {
    for (const op of OPERATIONS.values()) {
      const options = op.options.filter((o) => o.custom === undefined);
      const arb = fc.record(
        Object.fromEntries(options.map((o) => [o.param, o.wrap === 'Value' ? arbitrary(o.shape).map((v) => ({ Value: v })) : arbitrary(o.shape)])),
        { requiredKeys: options.filter((o) => o.required).map((o) => o.param) },
      );
      fc.assert(
        fc.property(arb, (params) => {
          const full = op.name === 'run-instances' ? { ...params, MinCount: 1, MaxCount: 1 } : params;
          const call = { action: op.action, params: full };
          expect(reparse(formatCall(call))).toEqual(call);
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe('completion', () => {
  it('operations, waiters and options', () => {
    expect(completeOperation('create-s')).toEqual(['create-snapshot', 'create-snapshots']);
    expect(completeOperation('wa')).toEqual(['wait']);
    expect(completeWaiter('instance-')).toEqual(['instance-exists', 'instance-running', 'instance-stopped', 'instance-terminated']);
    expect(completeOption('create-image', '--no')).toEqual(['--no-dry-run', '--no-reboot']);
    expect(completeOption('snapshot-completed', '--snap')).toEqual(['--snapshot-ids']);
    expect(completeOption('create-snapshot', '--re')).toEqual(['--region']);
  });

  it('resource ids that exist', () => {
    const world = createWorld();
    const ami = publicImageId(world, 'us-east-1', 'al2023') ?? '';
    const r = runCommand(world, `aws ec2 run-instances --image-id ${ami} --query Instances[0].InstanceId --output text`);
    expect(completeResourceId(r.world, 'i-')).toEqual([r.stdout.trim()]);
    expect(completeResourceId(r.world, ami.slice(0, 6))).toContain(ami);
    expect(completeResourceId(r.world, 'snap-')).toEqual(Object.keys(r.world.snapshots).sort());
    expect(completeResourceId(r.world, 'vol-')).toHaveLength(1);
  });
});
