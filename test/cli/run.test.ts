import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATION_DOCS } from '../../src/cli/docs.ts';
import { OPERATIONS } from '../../src/cli/operations.ts';
import { runCommand, runScript, SIMULATION, type RunResult } from '../../src/cli/run.ts';
import { SIM_COMMANDS } from '../../src/cli/simcommands.ts';
import { ACTION_NAMES, checkInvariants, createWorld, publicImageId, type World } from '../../src/sim/index.ts';

/** A learner's session: every command must succeed, and every API output must use the API's names. */
class Session {
  world: World = createWorld();
  readonly exercised = new Set<string>();

  run(text: string): RunResult {
    const r = runCommand(this.world, text);
    this.world = r.world;
    expect(checkInvariants(this.world), `invariants after ${text}`).toEqual([]);
    return r;
  }

  ok(text: string): Record<string, unknown> {
    const r = this.run(text);
    expect(r.stderr, text).toBe('');
    expect(r.exitCode, text).toBe(0);
    const name = text.split(' ')[2] ?? '';
    const op = OPERATIONS.get(name);
    if (op !== undefined && text.split(' ')[1] === 'ec2') {
      this.exercised.add(op.action);
      const keys = r.output === null ? [] : Object.keys(r.output as object);
      for (const k of keys) expect(OPERATION_DOCS[op.name]?.output, `${op.action} output member ${k}`).toContain(k);
    }
    return (r.output ?? {}) as Record<string, unknown>;
  }
}

function idOf(output: Record<string, unknown>, ...path: (string | number)[]): string {
  let v: unknown = output;
  for (const p of path) v = (v as Record<string | number, unknown>)[p];
  if (typeof v !== 'string') throw new Error(`no id at ${path.join('.')}`);
  return v;
}

describe('outputs of the operations use the API response elements', () => {
  it('a session that exercises every operation the simulation offers', () => {
    const s = new Session();
    const ami = publicImageId(s.world, 'us-east-1', 'al2023');
    const launched = s.ok(`aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --placement AvailabilityZone=us-east-1a`);
    const instance = idOf(launched, 'Instances', 0, 'InstanceId');
    s.ok(`aws ec2 wait instance-running --instance-ids ${instance}`);
    s.ok(`aws ec2 describe-instances --instance-ids ${instance}`);
    const volume = idOf(s.ok('aws ec2 create-volume --availability-zone us-east-1a --size 4 --volume-type gp3'), 'VolumeId');
    s.ok(`aws ec2 wait volume-available --volume-ids ${volume}`);
    s.ok(`aws ec2 attach-volume --volume-id ${volume} --instance-id ${instance} --device /dev/sdf`);
    s.ok(`aws ec2 wait volume-in-use --volume-ids ${volume}`);
    s.ok(`sim write ${instance} /mnt/sdf/data.txt "first version"`);
    s.ok('aws ec2 describe-volumes --filters Name=status,Values=in-use');
    s.ok(`aws ec2 create-tags --resources ${volume} --tags Key=Name,Value=data Key=team,Value=lab`);
    s.ok(`aws ec2 delete-tags --resources ${volume} --tags Key=team`);
    s.ok(`aws ec2 describe-tags --filters Name=resource-id,Values=${volume}`);
    s.ok('aws ec2 describe-availability-zones --region eu-west-1');
    s.ok('aws ec2 describe-regions');
    s.ok(`aws ec2 modify-instance-attribute --instance-id ${instance} --disable-api-termination`);
    s.ok(`aws ec2 describe-instance-attribute --instance-id ${instance} --attribute disableApiTermination`);
    s.ok(`aws ec2 modify-instance-attribute --instance-id ${instance} --no-disable-api-termination`);
    const snapshot = idOf(s.ok(`aws ec2 create-snapshot --volume-id ${volume} --description "data v1"`), 'SnapshotId');
    s.ok(`aws ec2 wait snapshot-completed --snapshot-ids ${snapshot}`);
    s.ok(`aws ec2 describe-snapshots --snapshot-ids ${snapshot}`);
    s.ok(`aws ec2 enable-fast-snapshot-restores --availability-zones us-east-1b --source-snapshot-ids ${snapshot}`);
    s.ok('aws ec2 describe-fast-snapshot-restores');
    s.ok(`aws ec2 disable-fast-snapshot-restores --availability-zones us-east-1b --source-snapshot-ids ${snapshot}`);
    s.ok('sim advance 15');
    s.ok(`aws ec2 create-snapshots --instance-specification InstanceId=${instance},ExcludeBootVolume=true`);
    s.ok(`aws ec2 modify-snapshot-attribute --snapshot-id ${snapshot} --attribute createVolumePermission --operation-type add --user-ids 210987654321`);
    s.ok(`aws ec2 describe-snapshot-attribute --snapshot-id ${snapshot} --attribute createVolumePermission`);
    const copy = idOf(s.ok(`aws ec2 copy-snapshot --source-region us-east-1 --source-snapshot-id ${snapshot} --region eu-west-1`), 'SnapshotId');
    s.ok(`aws ec2 wait snapshot-completed --snapshot-ids ${copy} --region eu-west-1`);
    s.ok(`aws ec2 delete-snapshot --snapshot-id ${copy} --region eu-west-1`);

    // CreateImage snapshots the volumes again: AWS wants 15 s between snapshots of one volume.
    s.ok('sim advance 15');
    const image = idOf(s.ok(`aws ec2 create-image --instance-id ${instance} --name golden-1 --no-reboot`), 'ImageId');
    s.ok(`aws ec2 wait image-available --image-ids ${image}`);
    const described = s.ok(`aws ec2 describe-images --image-ids ${image}`);
    const rootSnapshot = idOf(described, 'Images', 0, 'BlockDeviceMappings', 0, 'Ebs', 'SnapshotId');
    s.ok(`aws ec2 modify-image-attribute --image-id ${image} --launch-permission "Add=[{UserId=210987654321}]"`);
    s.ok(`aws ec2 describe-image-attribute --image-id ${image} --attribute launchPermission`);
    s.ok(`aws ec2 enable-image-deprecation --image-id ${image} --deprecate-at 2027-01-01T00:00:00Z`);
    s.ok(`aws ec2 disable-image-deprecation --image-id ${image}`);
    s.ok(`aws ec2 disable-image --image-id ${image}`);
    s.ok(`aws ec2 enable-image --image-id ${image}`);
    s.ok(`aws ec2 copy-image --source-region us-east-1 --source-image-id ${image} --name golden-1-copy --region eu-west-1`);
    const registered = idOf(
      s.ok(`aws ec2 register-image --name from-snapshot --architecture x86_64 --virtualization-type hvm --root-device-name /dev/xvda ` +
        `--block-device-mappings DeviceName=/dev/xvda,Ebs={SnapshotId=${rootSnapshot}}`),
      'ImageId',
    );
    s.ok(`aws ec2 deregister-image --image-id ${registered}`);
    s.ok(`aws ec2 deregister-image --image-id ${image}`);

    s.ok(`aws ec2 stop-instances --instance-ids ${instance}`);
    s.ok(`aws ec2 wait instance-stopped --instance-ids ${instance}`);
    s.ok(`aws ec2 start-instances --instance-ids ${instance}`);
    s.ok(`aws ec2 wait instance-running --instance-ids ${instance}`);
    s.ok(`aws ec2 reboot-instances --instance-ids ${instance}`);
    s.ok(`aws ec2 detach-volume --volume-id ${volume}`);
    s.ok(`aws ec2 wait volume-available --volume-ids ${volume}`);
    s.ok(`aws ec2 delete-volume --volume-id ${volume}`);
    s.ok(`aws ec2 wait volume-deleted --volume-ids ${volume}`);
    s.ok(`aws ec2 modify-snapshot-tier --snapshot-id ${snapshot} --storage-tier archive`);
    s.ok('sim advance 86400');
    s.ok(`aws ec2 restore-snapshot-tier --snapshot-id ${snapshot} --temporary-restore-days 2`);
    s.ok(`aws ec2 terminate-instances --instance-ids ${instance}`);
    s.ok(`aws ec2 wait instance-terminated --instance-ids ${instance}`);

    const apiActions = ACTION_NAMES.filter((a) => !SIM_COMMANDS.some((c) => c.action === a));
    expect(apiActions.filter((a) => !s.exercised.has(a))).toEqual([]);
  });

  it('every API action of the simulation has a CLI operation', () => {
    const simOnly = new Set(SIM_COMMANDS.map((c) => c.action));
    const missing = ACTION_NAMES.filter((a) => !simOnly.has(a) && ![...OPERATIONS.values()].some((o) => o.action === a));
    expect(missing).toEqual([]);
  });
});

describe('text and table output, --query', () => {
  function withVolumes(): World {
    let world = createWorld();
    for (const size of [4, 8]) world = runCommand(world, `aws ec2 create-volume --availability-zone us-east-1a --size ${size}`).world;
    return runCommand(world, 'sim advance 60').world;
  }

  it('text rows are prefixed with the upper-cased list key', () => {
    const r = runCommand(withVolumes(), 'aws ec2 describe-volumes --output text');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('VOLUMES\t'))).toHaveLength(2);
    expect(lines.every((l) => l.includes('\t'))).toBe(true);
  });

  it('table output is titled with the operation name', () => {
    const r = runCommand(withVolumes(), 'aws ec2 describe-volumes --output table');
    expect(r.stdout.split('\n')[1]).toMatch(/^\|\s+DescribeVolumes\s+\|$/);
    expect(r.stdout).toMatch(/^\|\|\s+Volumes\s+\|\|$/m);
  });

  it('--query picks from lists and filters with JMESPath, before formatting', () => {
    const world = withVolumes();
    expect(runCommand(world, "aws ec2 describe-volumes --query 'sort(Volumes[].Size)' --output text").stdout).toBe('4\t8\n');
    expect(runCommand(world, "aws ec2 describe-volumes --query 'Volumes[?Size > `4`].Size'").stdout).toBe('[\n    8\n]\n');
    expect(runCommand(world, "aws ec2 describe-volumes --query 'length(Volumes)'").output).toBe(2);
    expect(runCommand(world, 'aws ec2 describe-volumes --filters Name=size,Values=8 --query Volumes[].Size --output text').stdout).toBe('8\n');
  });

  it('a query that fails at run time is a general error', () => {
    const r = runCommand(createWorld(), "aws ec2 describe-volumes --query 'nosuchfunction(Volumes)'");
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toBe('\nUnknown function: nosuchfunction()\n');
  });

  it('timestamps are printed as AWS CLI v2 prints them', () => {
    const r = runCommand(createWorld(), 'aws ec2 create-volume --availability-zone us-east-1a --size 4 --query CreateTime --output text');
    expect(r.stdout).toBe('2026-01-01T00:00:00+00:00\n');
  });
});

describe('service errors', () => {
  it('go to stderr in the AWS format with exit status 254', () => {
    const r = runCommand(createWorld(), 'aws ec2 delete-volume --volume-id vol-0123456789abcdef0');
    expect(r.exitCode).toBe(254);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\nAn error occurred \(InvalidVolume\.NotFound\) when calling the DeleteVolume operation: .+\n$/);
    expect(r.error).toMatchObject({ Code: 'InvalidVolume.NotFound', Operation: 'DeleteVolume' });
  });

  it('--dry-run answers DryRunOperation without changing anything', () => {
    const world = createWorld();
    const r = runCommand(world, 'aws ec2 create-volume --availability-zone us-east-1a --size 4 --dry-run');
    expect(r.stderr).toBe(
      '\nAn error occurred (DryRunOperation) when calling the CreateVolume operation: Request would have succeeded, but DryRun flag is set.\n',
    );
    expect(r.world).toBe(world);
  });
});

describe('sim commands', () => {
  function running(region: 'us-east-1' | 'eu-west-1' = 'us-east-1'): { world: World; id: string } {
    const world = createWorld();
    const ami = publicImageId(world, region, 'al2023');
    const r = runCommand(world, `aws ec2 run-instances --region ${region} --image-id ${ami} --query Instances[0].InstanceId --output text`);
    const id = r.stdout.trim();
    return { world: runCommand(r.world, `aws ec2 wait instance-running --region ${region} --instance-ids ${id}`).world, id };
  }

  it('write, read, ls, rm and install print the documented JSON', () => {
    const { world, id } = running();
    const written = runCommand(world, `sim write ${id} /home/ec2-user/notes/todo.txt "buy milk"`);
    expect(written.output).toEqual({ InstanceId: id, VolumeId: expect.stringMatching(/^vol-/), ChangedBlocks: expect.any(Number) });
    const read = runCommand(written.world, `sim read ${id} /home/ec2-user/notes/todo.txt`);
    expect(read.output).toEqual({ Path: '/home/ec2-user/notes/todo.txt', Content: 'buy milk', VolumeId: expect.stringMatching(/^vol-/) });
    const ls = runCommand(written.world, `sim ls ${id} /home/ec2-user/notes`);
    expect(ls.output).toEqual({ Files: [{ Path: '/home/ec2-user/notes/todo.txt', VolumeId: expect.any(String), Size: 8 }] });
    const installed = runCommand(written.world, `sim install ${id} ${SIMULATION.packages[0] ?? ''}`);
    expect(installed.output).toMatchObject({ InstanceId: id, ChangedBlocks: expect.any(Number) });
    const removed = runCommand(written.world, `sim rm ${id} /home/ec2-user/notes/todo.txt`);
    expect(removed.output).toMatchObject({ InstanceId: id, ChangedBlocks: expect.any(Number) });
    const gone = runCommand(removed.world, `sim read ${id} /home/ec2-user/notes/todo.txt`);
    expect(gone.exitCode).toBe(254);
    expect(gone.stderr).toContain('An error occurred (FileNotFound) when calling the ReadFile operation:');
  });

  it('a default Region applies to commands without --region', () => {
    const r = runCommand(createWorld(), 'aws ec2 describe-availability-zones --query AvailabilityZones[0].ZoneName --output text', {
      defaultRegion: 'eu-west-1',
    });
    expect(r.stdout).toBe('eu-west-1a\n');
  });

  it('find an instance in whichever Region it is', () => {
    const { world, id } = running('eu-west-1');
    expect(runCommand(world, `sim write ${id} /tmp/x.txt hello`).exitCode).toBe(0);
  });

  it('need a running instance', () => {
    const world = createWorld();
    const ami = publicImageId(world, 'us-east-1', 'al2023');
    const r = runCommand(world, `aws ec2 run-instances --image-id ${ami} --query Instances[0].InstanceId --output text`);
    const pending = runCommand(r.world, `sim write ${r.stdout.trim()} /tmp/x hello`);
    expect(pending.error?.Code).toBe('IncorrectInstanceState');
    expect(runCommand(world, 'sim read i-0123456789abcdef0 /etc/hostname').error?.Code).toBe('InvalidInstanceID.NotFound');
  });

  it('storage covers the whole account, or one Region with --region', () => {
    const { world, id } = running();
    const volume = Object.values(world.volumes).find((v) => v.Attachment?.InstanceId === id)?.VolumeId ?? '';
    const snap = runCommand(world, `aws ec2 create-snapshot --volume-id ${volume} --query SnapshotId --output text`);
    const done = runCommand(snap.world, `aws ec2 wait snapshot-completed --snapshot-ids ${snap.stdout.trim()}`).world;
    const copied = runCommand(done, `aws ec2 copy-snapshot --region eu-west-1 --source-region us-east-1 --source-snapshot-id ${snap.stdout.trim()}`).world;
    const later = runCommand(copied, 'sim advance 600').world;
    const all = runCommand(later, 'sim storage').output as { Snapshots: unknown[]; MonthlyCostUSD: number };
    const europe = runCommand(later, 'sim storage --region eu-west-1').output as { Snapshots: unknown[]; MonthlyCostUSD: number };
    const america = runCommand(later, 'sim storage --region us-east-1').output as { Snapshots: unknown[]; MonthlyCostUSD: number };
    expect(all.Snapshots).toHaveLength(2);
    expect(europe.Snapshots).toHaveLength(1);
    expect(all.MonthlyCostUSD).toBeCloseTo(europe.MonthlyCostUSD + america.MonthlyCostUSD, 4);
  });

  it('advance moves the clock; storage reports what snapshots store', () => {
    const advanced = runCommand(createWorld(), 'sim advance 90');
    expect(advanced.output).toEqual({ Now: '2026-01-01T00:01:30.000Z' });
    const storage = runCommand(advanced.world, 'sim storage');
    expect(storage.output).toEqual({ Snapshots: [], TotalStoredBytes: 0, MonthlyCostUSD: 0 });
  });
});

describe('scripts', () => {
  it('exit status is that of the last failure', () => {
    const r = runScript(createWorld(), 'aws ec2 describe-volumes\naws ec2 nope\naws ec2 delete-volume --volume-id vol-0123456789abcdef0\naws ec2 describe-volumes\n');
    expect(r.steps.map((s) => s.exitCode)).toEqual([0, 252, 254, 0]);
    expect(r.exitCode).toBe(254);
  });

  it('same input, same output', () => {
    const script = 'aws ec2 create-volume --availability-zone us-east-1a --size 4\nsim advance 30\naws ec2 describe-volumes --output text\n';
    const a = runScript(createWorld(), script);
    const b = runScript(createWorld(), script);
    expect(a.steps.map((s) => s.stdout)).toEqual(b.steps.map((s) => s.stdout));
  });

  it('runCommand never throws on arbitrary input', () => {
    const world = createWorld();
    fc.assert(
      fc.property(fc.constantFrom('aws ec2 ', 'sim ', 'aws ', ''), fc.string({ maxLength: 60 }), (prefix, rest) => {
        const r = runCommand(world, prefix + rest);
        expect(r.exitCode === 0 || r.stderr.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
