import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, toSimCall, type ParsedCommand, type UsageError } from '../../src/cli/parse.ts';
import { OPERATIONS, type OptionDef } from '../../src/cli/operations.ts';
import type { Shape } from '../../src/cli/shapes.ts';

const USAGE_HEAD =
  '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';

function ok(text: string): ParsedCommand {
  const parsed = parseCommandLine(text);
  if (parsed.kind === 'error') throw new Error(`unexpected usage error for ${text}:${parsed.stderr}`);
  return parsed;
}

function err(text: string): UsageError {
  const parsed = parseCommandLine(text);
  if (parsed.kind !== 'error') throw new Error(`expected a usage error for ${text}`);
  return parsed;
}

function params(text: string): Record<string, unknown> {
  const call = toSimCall(ok(text));
  if (call === null) throw new Error('no call');
  return call.params;
}

/** A value for every shape, and the words that express it on the command line (JSON for structures). */
function sample(shape: Shape, name: string): { value: unknown; words: string[] } {
  switch (shape.type) {
    case 'string': {
      const v = shape.enum?.[0] ?? `${name}-value`;
      return { value: v, words: [v] };
    }
    case 'integer':
      return { value: 7, words: ['7'] };
    case 'double':
      return { value: 2.5, words: ['2.5'] };
    case 'boolean':
      return { value: true, words: [] };
    case 'list':
      if (shape.member.type === 'string') return { value: [`${name}-1`, `${name}-2`], words: [`${name}-1`, `${name}-2`] };
      return { value: [sampleJson(shape.member)], words: [`'${JSON.stringify([sampleJson(shape.member)])}'`] };
    case 'structure':
      return { value: sampleJson(shape), words: [`'${JSON.stringify(sampleJson(shape))}'`] };
  }
}

function sampleJson(shape: Shape): unknown {
  switch (shape.type) {
    case 'string':
      return shape.enum?.[0] ?? 'text';
    case 'integer':
      return 3;
    case 'double':
      return 1.5;
    case 'boolean':
      return false;
    case 'list':
      return [sampleJson(shape.member)];
    case 'structure':
      return Object.fromEntries(Object.entries(shape.members).map(([k, m]) => [k, sampleJson(m)]));
  }
}

function requiredWords(options: readonly OptionDef[], except: OptionDef): { words: string[]; params: Record<string, unknown> } {
  const words: string[] = [];
  const out: Record<string, unknown> = {};
  for (const o of options) {
    if (!o.required || o === except) continue;
    const s = sample(o.shape, o.name);
    words.push(`--${o.name}`, ...s.words);
    out[o.param] = s.value;
  }
  return { words, params: out };
}

describe('every option of every operation reaches its API parameter', () => {
  const cases = [...OPERATIONS.values()].flatMap((op) =>
    op.options.filter((o) => o.custom === undefined).map((o) => [op.name, o.name, op, o] as const),
  );
  it.each(cases)('%s --%s', (_op, _opt, op, o) => {
    const base = requiredWords(op.options, o);
    const s = sample(o.shape, o.name);
    const text = ['aws', 'ec2', op.name, ...base.words, `--${o.name}`, ...s.words].join(' ');
    const value = o.wrap === 'Value' ? { Value: s.value } : s.value;
    const expected = { ...base.params, [o.param]: value, ...(op.name === 'run-instances' ? { MinCount: 1, MaxCount: 1 } : {}) };
    expect(params(text)).toEqual(expected);
    if (o.negative !== undefined) {
      expect(params(['aws', 'ec2', op.name, ...base.words, `--${o.negative}`].join(' '))[o.param]).toEqual(
        o.wrap === 'Value' ? { Value: false } : false,
      );
    }
  });

  it('maps kebab-case option names to the API casing', () => {
    expect(params('aws ec2 attach-volume --volume-id vol-1 --instance-id i-1 --device /dev/sdf')).toEqual({
      VolumeId: 'vol-1',
      InstanceId: 'i-1',
      Device: '/dev/sdf',
    });
  });

  it('accepts --option=value and unique prefixes, as argparse does', () => {
    expect(params('aws ec2 create-snapshot --volume-id=vol-1 --desc "nightly backup"')).toEqual({
      VolumeId: 'vol-1',
      Description: 'nightly backup',
    });
  });

  it('--count sets MinCount and MaxCount, defaulting to 1', () => {
    expect(params('aws ec2 run-instances --image-id ami-1 --count 3')).toMatchObject({ MinCount: 3, MaxCount: 3 });
    expect(params('aws ec2 run-instances --image-id ami-1 --count 1:4')).toMatchObject({ MinCount: 1, MaxCount: 4 });
    expect(params('aws ec2 run-instances --image-id ami-1')).toMatchObject({ MinCount: 1, MaxCount: 1 });
  });

  it('CreateImage takes --no-reboot and --reboot', () => {
    expect(params('aws ec2 create-image --instance-id i-1 --name golden --no-reboot')).toMatchObject({ NoReboot: true });
    expect(params('aws ec2 create-image --instance-id i-1 --name golden --reboot')).toMatchObject({ NoReboot: false });
  });

  it('--region and --dry-run go where they belong', () => {
    const parsed = ok('aws --region eu-west-1 ec2 describe-volumes --dry-run');
    expect(toSimCall(parsed)).toEqual({ action: 'DescribeVolumes', region: 'eu-west-1', params: { DryRun: true } });
    expect(toSimCall(ok('aws ec2 describe-volumes --no-dry-run --region eu-west-1'))?.params).toEqual({ DryRun: false });
  });
});

describe('structures: shorthand and JSON give the same parameters', () => {
  it.each([
    [
      "--block-device-mappings 'DeviceName=/dev/sdf,Ebs={VolumeSize=8,VolumeType=gp3,DeleteOnTermination=true}'",
      `--block-device-mappings '[{"DeviceName":"/dev/sdf","Ebs":{"VolumeSize":8,"VolumeType":"gp3","DeleteOnTermination":true}}]'`,
    ],
    ['--placement AvailabilityZone=us-east-1b', `--placement '{"AvailabilityZone": "us-east-1b"}'`],
    [
      "--tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=web}]' 'ResourceType=volume,Tags=[{Key=team,Value=a}]'",
      `--tag-specifications '[{"ResourceType":"instance","Tags":[{"Key":"Name","Value":"web"}]},{"ResourceType":"volume","Tags":[{"Key":"team","Value":"a"}]}]'`,
    ],
  ])('run-instances %s', (shorthand, json) => {
    const a = params(`aws ec2 run-instances --image-id ami-1 ${shorthand}`);
    const b = params(`aws ec2 run-instances --image-id ami-1 ${json}`);
    expect(a).toEqual(b);
  });

  it('filters: one shorthand word per filter, Values typed as a list', () => {
    expect(params('aws ec2 describe-volumes --filters Name=status,Values=available,in-use Name=size,Values=8')).toEqual({
      Filters: [
        { Name: 'status', Values: ['available', 'in-use'] },
        { Name: 'size', Values: ['8'] },
      ],
    });
  });

  it('launch permissions and snapshot permissions', () => {
    expect(params('aws ec2 modify-image-attribute --image-id ami-1 --launch-permission "Add=[{Group=all}]"')).toEqual({
      ImageId: 'ami-1',
      LaunchPermission: { Add: [{ Group: 'all' }] },
    });
    expect(params('aws ec2 modify-snapshot-attribute --snapshot-id snap-1 --create-volume-permission "Remove=[{UserId=123456789012}]"'))
      .toEqual({ SnapshotId: 'snap-1', CreateVolumePermission: { Remove: [{ UserId: '123456789012' }] } });
  });

  it('a one-member Value structure takes the bare value', () => {
    expect(params('aws ec2 modify-image-attribute --image-id ami-1 --description "golden image v2"')).toEqual({
      ImageId: 'ami-1',
      Description: { Value: 'golden image v2' },
    });
  });

  it('lists of strings take several words, or a JSON list', () => {
    expect(params('aws ec2 terminate-instances --instance-ids i-1 i-2')).toEqual({ InstanceIds: ['i-1', 'i-2'] });
    expect(params(`aws ec2 terminate-instances --instance-ids '["i-1","i-2"]'`)).toEqual({ InstanceIds: ['i-1', 'i-2'] });
  });

  it('quoting: single, double, escaped and multi-line values', () => {
    expect(params(`aws ec2 create-snapshot --volume-id vol-1 --description 'it'"'"'s "quoted"'`)).toMatchObject({
      Description: `it's "quoted"`,
    });
    expect(params('aws ec2 create-snapshot --volume-id vol-1 --description before\\ after')).toMatchObject({
      Description: 'before after',
    });
    expect(params('aws ec2 create-snapshot \\\n  --volume-id vol-1 \\\n  --description "two\nlines"')).toEqual({
      VolumeId: 'vol-1',
      Description: 'two\nlines',
    });
  });
});

describe('usage errors, as AWS CLI v2 prints them', () => {
  it('unknown operation: the valid choices, then the closest ones', () => {
    const e = err('aws ec2 create-snapshto --volume-id vol-1');
    expect(e.exitCode).toBe(252);
    expect(e.stderr.startsWith(`${USAGE_HEAD}aws: error: argument operation: Invalid choice, valid choices are:\n\n`)).toBe(true);
    expect(e.stderr).toContain("Invalid choice: 'create-snapshto', maybe you meant:\n\n  * create-snapshot\n");
    expect(e.error).toMatchObject({ Code: 'ParamValidation', Operation: null });
  });

  it('missing required option', () => {
    const e = err('aws ec2 attach-volume --volume-id vol-1');
    expect(e.stderr).toBe(`${USAGE_HEAD}aws: error: the following arguments are required: --device, --instance-id\n\n`);
    expect(e.exitCode).toBe(252);
    expect(e.error.Operation).toBe('AttachVolume');
  });

  it('a mistyped required option: still the required error, with a hint', () => {
    const e = err('aws ec2 create-snapshot --volum-id vol-1');
    expect(e.stderr).toContain('aws: error: the following arguments are required: --volume-id');
    expect(e.stderr).toContain("Unknown option: '--volum-id', maybe you meant:\n\n  * --volume-id");
  });

  it('unknown options: the usage, then "Unknown options:" and a hint', () => {
    const e = err('aws ec2 create-snapshot --volume-id vol-1 --descripton backup');
    expect(e.stderr).toBe(`${USAGE_HEAD}Unknown options: --descripton, backup\n\nmaybe you meant:\n\n  * --description\n\n`);
  });

  it('a stray positional word', () => {
    expect(err('aws ec2 describe-volumes vol-1').stderr).toContain('Unknown options: vol-1');
  });

  it('option without its value', () => {
    expect(err('aws ec2 create-snapshot --volume-id').stderr).toContain('aws: error: argument --volume-id: expected one argument');
    expect(err('aws ec2 create-snapshot --volume-id --dry-run').stderr).toContain('argument --volume-id: expected one argument');
  });

  it('ambiguous prefix', () => {
    // Prefixes are matched against the global options first (`--d` would be --debug), as in argparse.
    expect(err('aws ec2 run-instances --i x').stderr).toContain(
      'aws: error: ambiguous option: --i could match --image-id, --instance-type',
    );
  });

  it('a value given to a flag', () => {
    expect(err('aws ec2 create-snapshot --volume-id vol-1 --dry-run=yes').stderr).toContain(
      "aws: error: argument --dry-run: ignored explicit argument 'yes'",
    );
  });

  it('invalid --output', () => {
    const e = err('aws ec2 describe-volumes --output jsn');
    expect(e.stderr).toContain('aws: error: argument --output: Invalid choice, valid choices are:\n\njson');
    expect(e.stderr).toContain("Invalid choice: 'jsn', maybe you meant:\n\n  * json");
  });

  it('malformed JSON gets Python json messages', () => {
    const e = err(`aws ec2 run-instances --image-id ami-1 --block-device-mappings '[{"DeviceName": "/dev/sdf",}]'`);
    expect(e.stderr).toBe(
      "\nError parsing parameter '--block-device-mappings': Invalid JSON: Expecting property name enclosed in double quotes: " +
        'line 1 column 28 (char 27)\nJSON received: [{"DeviceName": "/dev/sdf",}]\n',
    );
    expect(e.exitCode).toBe(252);
  });

  it('malformed shorthand gets the shorthand parser message', () => {
    expect(err('aws ec2 run-instances --image-id ami-1 --placement AvailabilityZone').stderr).toBe(
      "\nError parsing parameter '--placement': Expected: '=', received: 'EOF' for input:\nAvailabilityZone\n                ^\n",
    );
  });

  it('a structure given as a JSON list', () => {
    expect(err(`aws ec2 run-instances --image-id ami-1 --placement '["us-east-1a"]'`).stderr).toBe(
      `\nError parsing parameter '--placement': Invalid JSON:\n["us-east-1a"]\n`,
    );
  });

  it('a non-integer for an integer option is a Python ValueError (exit 255)', () => {
    const e = err('aws ec2 create-volume --availability-zone us-east-1a --size 8GB');
    expect(e.stderr).toBe("\ninvalid literal for int() with base 10: '8GB'\n");
    expect(e.exitCode).toBe(255);
  });

  it('client-side validation: unknown keys and wrong types, all reported', () => {
    const e = err(`aws ec2 run-instances --image-id ami-1 --block-device-mappings '[{"DeviceName":"/dev/sdf","Ebs":{"Size":8,"VolumeSize":"8"}}]'`);
    expect(e.stderr).toBe(
      '\nParameter validation failed:\n' +
        'Unknown parameter in BlockDeviceMappings[0].Ebs: "Size", must be one of: DeleteOnTermination, Iops, SnapshotId, ' +
        'VolumeSize, VolumeType, KmsKeyId, Throughput, OutpostArn, AvailabilityZone, Encrypted, VolumeInitializationRate, ' +
        'AvailabilityZoneId, EbsCardIndex\n' +
        "Invalid type for parameter BlockDeviceMappings[0].Ebs.VolumeSize, value: 8, type: <class 'str'>, valid types: <class 'int'>\n",
    );
    expect(err("aws ec2 run-instances --image-id ami-1 --block-device-mappings 'DeviceName=/dev/sdf,Ebs={DeleteOnTermination=yes}'").stderr)
      .toContain("Invalid type for parameter BlockDeviceMappings[0].Ebs.DeleteOnTermination, value: yes, type: <class 'str'>, valid types: <class 'bool'>");
  });

  it('bad --count', () => {
    expect(err('aws ec2 run-instances --image-id ami-1 --count two').stderr).toBe(
      '\ncount parameter should be of form min[:max] (e.g. 1 or 1:10)\n',
    );
  });

  it.each([
    [`aws ec2 run-instances --image-id ami-1 --block-device-mappings file://mapping.json`, 'file:// values are not available'],
    [`aws ec2 modify-image-attribute --image-id ami-1 --launch-permission fileb://permission.bin`, 'fileb:// values are not available'],
    ['aws ec2 describe-volumes --profile prod', '--profile is not available in this simulator'],
    ['aws ec2 describe-volumes --endpoint-url http://localhost:4566', '--endpoint-url is not available'],
    ['aws ec2 describe-volumes --cli-input-json {}', '--cli-input-json is not available'],
    ['aws ec2 describe-volumes --output yaml', '--output yaml is not available'],
  ])('sources outside the simulation: %s', (line, message) => {
    const e = err(line);
    expect(e.stderr).toContain(message);
    expect(e.exitCode).toBe(252);
  });

  it('file:// names a file the simulator cannot read, and says so', () => {
    expect(err('aws ec2 run-instances --image-id ami-1 --block-device-mappings file://mapping.json').stderr).toBe(
      "\nError parsing parameter '--block-device-mappings': Unable to load paramfile file://mapping.json: file:// values are not available " +
        'in this simulator, which cannot read your files. Paste the value inline instead (JSON or shorthand).\n',
    );
  });

  it('http:// and https:// values are passed on literally, as AWS CLI v2 does (it no longer fetches URLs)', () => {
    expect(params('aws ec2 create-snapshot --volume-id vol-1 --description https://example.com/x')['Description']).toBe('https://example.com/x');
    expect(params('aws ec2 create-image --instance-id i-1 --name web --description http://intranet/ami')['Description']).toBe('http://intranet/ami');
    expect(params('aws ec2 describe-images --owners self --filters Name=description,Values=https://example.com/x')['Filters'])
      .toEqual([{ Name: 'description', Values: ['https://example.com/x'] }]);
  });

  it('Regions the simulated account does not have', () => {
    expect(err('aws ec2 describe-volumes --region ap-south-1').stderr).toContain("Region 'ap-south-1' is not available here");
  });

  it('a --query that does not compile', () => {
    const e = err("aws ec2 describe-volumes --query 'Volumes[.VolumeId'");
    expect(e.stderr).toContain('Bad value for --query Volumes[.VolumeId: ');
    expect(e.exitCode).toBe(255);
  });

  it('missing command, service or operation; another service', () => {
    expect(err('aws').stderr).toContain('aws: error: the following arguments are required: command');
    expect(err('aws ec2').stderr).toContain('aws: error: the following arguments are required: operation');
    expect(err('aws ec').stderr).toContain("argument command: Invalid choice, valid choices are:\n\nec2");
    expect(err('aws s3 ls').stderr).toContain("argument command: Invalid choice, valid choices are:\n\nec2");
  });

  it('wait: missing and unknown waiters', () => {
    expect(err('aws ec2 wait').stderr).toBe('\nusage: aws [options] ec2 wait <subcommand> [parameters]\naws: error: too few arguments\n');
    const e = err('aws ec2 wait instance-runing --instance-ids i-1');
    expect(e.stderr).toContain('aws: error: argument subcommand: Invalid choice, valid choices are:');
    expect(e.stderr).toContain("maybe you meant:\n\n  * instance-running");
  });

  it('lines that are not aws or sim commands', () => {
    expect(err('ls -l').stderr).toContain('ls: command not found');
    expect(err('aws ec2 describe-volumes | head').stderr).toContain('pipes');
  });

  it('sim commands: wrong arguments', () => {
    expect(err('sim write i-1 /notes.txt hello world').stderr).toContain(
      'sim: error: unrecognized arguments: world (usage: sim write <instance-id> <path> <text>; put quotes around text',
    );
    expect(err('sim read i-1').stderr).toContain('the following arguments are required: <path>');
    expect(err('sim advance soon').stderr).toContain("invalid value \"soon\"");
    expect(err('sim instal i-1 nginx').stderr).toContain("maybe you meant:\n\n  * install");
  });
});

describe('help', () => {
  it.each([...OPERATIONS.keys()])('aws ec2 %s help', (name) => {
    const parsed = ok(`aws ec2 ${name} help`);
    expect(parsed.kind).toBe('help');
    const text = parsed.kind === 'help' ? parsed.stdout : '';
    expect(text).toContain(`NAME\n       ${name} -`);
    for (const o of OPERATIONS.get(name)?.options ?? []) expect(text).toContain(`--${o.name}`);
  });

  it('help after options shows help once the required options are there', () => {
    expect(ok('aws ec2 create-snapshot --volume-id vol-1 help').kind).toBe('help');
    expect(err('aws ec2 create-snapshot --description x help').stderr).toContain('the following arguments are required: --volume-id');
  });

  it('aws help, aws ec2 help, wait help, sim help, help', () => {
    expect((ok('aws ec2 help') as { stdout: string }).stdout).toContain('o create-snapshot');
    expect((ok('aws ec2 wait help') as { stdout: string }).stdout).toContain('o snapshot-completed');
    expect((ok('aws ec2 wait instance-running help') as { stdout: string }).stdout.replace(/\s+/g, ' ')).toContain(
      'Wait until JMESPath query Reservations[].Instances[].State.Name returns running for all elements when polling with ' +
        '``describe-instances``. It will poll every 15 seconds until a successful state has been reached. This will exit with a ' +
        'return code of 255 after 40 failed checks.',
    );
    expect((ok('help') as { stdout: string }).stdout).toContain('sim write <instance-id> <path> <text>');
    expect((ok('sim help') as { stdout: string }).stdout).toContain('sim advance <seconds>');
  });
});

describe('fuzzing: any input gets a parse or a message, never an exception', () => {
  const seeds = [
    'aws ec2 run-instances --image-id ami-0123456789abcdef0 --count 2 --block-device-mappings \'DeviceName=/dev/sdf,Ebs={VolumeSize=8}\'',
    'aws ec2 describe-volumes --filters Name=status,Values=available --query "Volumes[].VolumeId" --output text',
    'aws ec2 create-snapshot --volume-id vol-0123456789abcdef0 --description "nightly" --tag-specifications \'ResourceType=snapshot,Tags=[{Key=a,Value=b}]\'',
    'aws ec2 wait snapshot-completed --snapshot-ids snap-0123456789abcdef0',
    'sim write i-0123456789abcdef0 /mnt/sdf/a.txt "hello"',
  ];

  const check = (line: string) => {
    const parsed = parseCommandLine(line);
    if (parsed.kind === 'error') {
      expect(parsed.stderr.trim().length).toBeGreaterThan(0);
      expect(parsed.error.Message.length).toBeGreaterThan(0);
      expect([252, 255]).toContain(parsed.exitCode);
    } else {
      expect(['aws', 'wait', 'sim', 'help']).toContain(parsed.kind);
    }
  };

  it('random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (s) => check(s)), { numRuns: 400 });
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (s) => check(`aws ec2 ${s}`)), { numRuns: 400 });
  });

  it('mutated command lines', () => {
    const mutation = fc.tuple(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(...'-=,[]{}"\'\\ $|#:abc0'.split(''))), {
        maxLength: 6,
      }),
    );
    fc.assert(
      fc.property(mutation, ([seed, edits]) => {
        let line = seed;
        for (const [at, kind, ch] of edits) {
          const i = at % (line.length + 1);
          line = kind === 'delete' ? line.slice(0, i) + line.slice(i + 1) : kind === 'insert' ? line.slice(0, i) + ch + line.slice(i) : line.slice(0, i) + ch + line.slice(i + 1);
        }
        check(line);
      }),
      { numRuns: 1500 },
    );
  });
});
