// The shell layer: NAME=value, NAME=$(command), $NAME / ${NAME} expansion, and resolve:ssm: image ids.
import { describe, expect, it } from 'vitest';
import { completeVariable } from '../../src/cli/complete.ts';
import { runCommand, runScript } from '../../src/cli/run.ts';
import { classifyLine } from '../../src/cli/shell.ts';
import { PUBLIC_IMAGE_PARAMETERS } from '../../src/cli/ssm.ts';
import { tokenize, type ShellEnvironment } from '../../src/cli/tokenize.ts';
import { checkInvariants, createWorld, publicImageId } from '../../src/sim/index.ts';

const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const UBUNTU = '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';

function words(line: string, environment: ShellEnvironment): string[] {
  const r = tokenize(line, environment);
  if (!r.ok) throw new Error(r.message);
  return r.words;
}

describe('classifyLine', () => {
  it.each([
    ['aws ec2 describe-volumes', { kind: 'command', text: 'aws ec2 describe-volumes' }],
    ['REGION=eu-west-1', { kind: 'assign', name: 'REGION', value: 'eu-west-1' }],
    ['EMPTY=', { kind: 'assign', name: 'EMPTY', value: '' }],
    ["ID=$(aws ec2 describe-volumes --query 'Volumes[0].VolumeId' --output text)",
      { kind: 'capture', name: 'ID', command: "aws ec2 describe-volumes --query 'Volumes[0].VolumeId' --output text" }],
    ['ID="$(sim storage --query TotalStoredBytes)" # bytes', { kind: 'capture', name: 'ID', command: 'sim storage --query TotalStoredBytes' }],
    // A ) inside quotes does not close the substitution.
    ["X=$(aws ec2 describe-tags --query 'Tags[?Value==`a)b`]')",
      { kind: 'capture', name: 'X', command: "aws ec2 describe-tags --query 'Tags[?Value==`a)b`]'" }],
  ])('%s', (line, expected) => {
    expect(classifyLine(line)).toEqual(expected);
  });

  it.each([
    ['ID = vol-1', 'no spaces around ='],
    ['ID=$(aws ec2 describe-volumes', 'no closing )'],
    ['ID="$(aws ec2 describe-volumes)', 'no closing "'],
    ['ID=$(aws ec2 describe-volumes) extra', 'on a line of its own'],
    ['ID=$()', 'holds no command'],
    ['A=$(B=$(sim storage))', 'not another assignment'],
  ])('refuses %s', (line, message) => {
    const r = classifyLine(line);
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toContain(message);
  });
});

describe('expansion', () => {
  const env = { ID: 'i-0123', IDS: 'i-1\ti-2  i-3\n', EMPTY: '', SPACED: ' a b ' };

  it('expands $NAME and ${NAME} outside single quotes and inside double quotes', () => {
    expect(words('x $ID ${ID}-b "$ID/${ID}" \'$ID\' \\$ID "\\$ID"', env)).toEqual(['x', 'i-0123', 'i-0123-b', 'i-0123/i-0123', '$ID', '$ID', '$ID']);
  });

  it('splits unquoted values at blanks (field splitting) but not quoted ones', () => {
    expect(words('x --instance-ids $IDS', env)).toEqual(['x', '--instance-ids', 'i-1', 'i-2', 'i-3']);
    expect(words('x "$IDS"', env)).toEqual(['x', 'i-1\ti-2  i-3\n']);
    expect(words('x pre$SPACED', env)).toEqual(['x', 'pre', 'a', 'b']);
  });

  it('an empty unquoted value leaves no word, a quoted one an empty word', () => {
    expect(words('x $EMPTY y', env)).toEqual(['x', 'y']);
    expect(words('x "$EMPTY" y', env)).toEqual(['x', '', 'y']);
  });

  it('a $ that starts no name stays literal', () => {
    expect(words('x $ "a $ b" cost$', env)).toEqual(['x', '$', 'a $ b', 'cost$']);
  });

  it('an unset variable is an error naming it, never an empty word', () => {
    const r = tokenize('aws ec2 describe-volumes --volume-ids $VOLUME_ID', env);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('the shell variable $VOLUME_ID is not set');
    expect(!r.ok && r.message).toContain('Variables set so far: $ID, $IDS, $EMPTY, $SPACED');
  });

  it('suggests the variable a typo meant', () => {
    const r = tokenize('x $instance_id', { INSTANCE_ID: 'i-1' });
    expect(!r.ok && r.message).toContain('Did you mean $INSTANCE_ID?');
  });

  it('reads own variables only: $constructor and $__proto__ are unset names', () => {
    expect(tokenize('x $constructor', {}).ok).toBe(false);
    expect(tokenize('x ${__proto__}', {}).ok).toBe(false);
    const r = runCommand(createWorld(), '__proto__=polluted');
    expect(Object.hasOwn(r.environment, '__proto__')).toBe(true);
    expect(words('x $__proto__', r.environment)).toEqual(['x', 'polluted']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('runCommand with variables', () => {
  it('NAME=value sets a variable, expanded but not split, and prints nothing', () => {
    const world = createWorld();
    const a = runCommand(world, 'PREFIX="web server"');
    expect(a).toMatchObject({ exitCode: 0, stdout: '', stderr: '', calls: [], world });
    const b = runCommand(world, 'NAME=$PREFIX-1', { environment: a.environment });
    expect(b.environment).toEqual({ PREFIX: 'web server', NAME: 'web server-1' });
    // The input environment is not changed.
    expect(a.environment).toEqual({ PREFIX: 'web server' });
  });

  it('refuses NAME=value followed by a command', () => {
    const r = runCommand(createWorld(), 'AWS_REGION=eu-west-1 aws ec2 describe-volumes');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toContain('NAME=value command) is not available in this simulator');
    expect(r.environment).toEqual({});
  });

  it('NAME=$(command) keeps stdout without its trailing newline, prints nothing, and logs the call', () => {
    const world = createWorld();
    const r = runCommand(world, "VOL=$(aws ec2 create-volume --availability-zone us-east-1a --size 4 --query VolumeId --output text)");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.environment['VOL']).toMatch(/^vol-[0-9a-f]{17}$/);
    expect(r.world.volumes[r.environment['VOL'] ?? '']).toBeDefined();
    expect(r.calls).toEqual([{ action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 4 } }]);
  });

  it('the call log holds the expanded values, never the variables', () => {
    const first = runCommand(createWorld(), "VOL=$(aws ec2 create-volume --availability-zone us-east-1a --size 4 --query VolumeId --output text)");
    const tag = runCommand(first.world, 'aws ec2 create-tags --resources "$VOL" --tags Key=Name,Value=${VOL}-data', { environment: first.environment });
    const id = first.environment['VOL'] ?? '';
    expect(tag.exitCode).toBe(0);
    expect(tag.calls).toEqual([{ action: 'CreateTags', params: { Resources: [id], Tags: [{ Key: 'Name', Value: `${id}-data` }] } }]);
    expect(JSON.stringify(tag.calls)).not.toContain('$');
  });

  it('a failing substitution fails the line with its own error and leaves NAME unset', () => {
    const world = createWorld();
    const r = runCommand(world, 'VOL=$(aws ec2 create-volume --availability-zone us-east-1z --size 4 --query VolumeId --output text)', {
      environment: { OTHER: 'x' },
    });
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toContain('when calling the CreateVolume operation');
    expect(r.environment).toEqual({ OTHER: 'x' });
    expect(r.world).toBe(world);
    const next = runCommand(r.world, 'aws ec2 delete-volume --volume-id $VOL', { environment: r.environment });
    expect(next.exitCode).toBe(252);
    expect(next.stderr).toBe('\nError parsing command line: the shell variable $VOL is not set: no earlier line assigned it ' +
      '(for example VOL=$(aws ec2 ... --query ... --output text)), or that command failed. Variables set so far: $OTHER.\n');
  });

  it('a substitution of a usage error fails with the CLI message', () => {
    const r = runCommand(createWorld(), 'X=$(aws ec2 describe-volums)');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toContain("Invalid choice: 'describe-volums'");
    expect(r.environment).toEqual({});
  });

  it('captures JSON output as it is printed, as a shell would', () => {
    const r = runCommand(createWorld(), 'N=$(sim storage --query TotalStoredBytes)');
    expect(r.environment).toEqual({ N: '0' });
  });

  it('runScript threads the variables from line to line and returns them', () => {
    const script = [
      'ZONE=us-east-1b',
      'VOL=$(aws ec2 create-volume --availability-zone $ZONE --size 2 \\',
      '  --query VolumeId --output text)',
      'aws ec2 wait volume-available --volume-ids $VOL',
      'STATE=$(aws ec2 describe-volumes --volume-ids "${VOL}" --query "Volumes[0].State" --output text)',
    ].join('\n');
    const r = runScript(createWorld(), script, { environment: { KEEP: 'yes' } });
    expect(r.steps.map((s) => [s.line, s.exitCode, s.stderr])).toEqual([[1, 0, ''], [2, 0, ''], [4, 0, ''], [5, 0, '']]);
    expect(r.environment).toMatchObject({ KEEP: 'yes', ZONE: 'us-east-1b', STATE: 'available' });
    expect(r.world.volumes[r.environment['VOL'] ?? '']?.AvailabilityZone).toBe('us-east-1b');
  });
});

describe('completeVariable', () => {
  it('offers the variables set so far as $NAME', () => {
    const env = { INSTANCE_ID: 'i-1', IMAGE_ID: 'ami-1', VOLUME_ID: 'vol-1' };
    expect(completeVariable(env, '$I')).toEqual(['$IMAGE_ID', '$INSTANCE_ID']);
    expect(completeVariable(env, '$')).toEqual(['$IMAGE_ID', '$INSTANCE_ID', '$VOLUME_ID']);
    expect(completeVariable({}, '$')).toEqual([]);
  });
});

describe('resolve:ssm: image ids on run-instances', () => {
  it.each([
    ['us-east-1', AL2023, 'al2023'],
    ['eu-west-1', AL2023, 'al2023'],
    ['us-east-1', UBUNTU, 'ubuntu-24.04'],
    ['eu-west-1', UBUNTU, 'ubuntu-24.04'],
  ])('in %s, %s launches the catalogue AMI and logs its id', (region, parameter, key) => {
    const world = createWorld();
    const r = runCommand(world, `aws ec2 run-instances --region ${region} --image-id resolve:ssm:${parameter} --instance-type t3.micro`);
    expect(r.stderr).toBe('');
    const ami = publicImageId(world, region as 'us-east-1', key);
    expect(ami).toBeDefined();
    expect(r.calls[0]?.params?.['ImageId']).toBe(ami);
    expect(Object.values(r.world.instances)[0]?.ImageId).toBe(ami);
    expect(checkInvariants(r.world)).toEqual([]);
  });

  it('every parameter listed resolves in every Region', () => {
    for (const parameter of Object.keys(PUBLIC_IMAGE_PARAMETERS)) {
      const r = runCommand(createWorld(), `aws ec2 run-instances --image-id resolve:ssm:${parameter} --instance-type t3.micro --dry-run`);
      expect(r.stderr, parameter).toContain('DryRunOperation');
    }
  });

  it('the default Region of the session applies', () => {
    const world = createWorld();
    const r = runCommand(world, `aws ec2 run-instances --image-id resolve:ssm:${AL2023} --instance-type t3.micro`, { defaultRegion: 'eu-west-1' });
    expect(r.calls[0]).toMatchObject({ region: 'eu-west-1', params: { ImageId: publicImageId(world, 'eu-west-1', 'al2023') } });
  });

  it('an unknown parameter is a RunInstances error in the AWS format and changes nothing', () => {
    const world = createWorld();
    const r = runCommand(world, 'aws ec2 run-instances --image-id resolve:ssm:/golden-ami --instance-type t3.micro');
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toMatch(/^\nAn error occurred \(InvalidParameterValue\) when calling the RunInstances operation: Unable to resolve the Systems Manager parameter '\/golden-ami'/);
    expect(r.stderr).toContain(AL2023);
    expect(r.world).toBe(world);
    expect(r.calls).toEqual([]);
  });
});
