// cliScriptSchema asks the simulator's own CLI which lines a script may hold, so what the lab's
// terminal runs, a scenario or a reference solution may contain, and nothing else.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/cli/index.ts';
import { createWorld } from '../../../src/sim/index.ts';
import { z } from 'astro/zod';
import { checkUnique, cliScriptProblems, cliScriptSchema, docLinkSchema, kebabId } from '../../../src/schemas/common';
import { messages, sourceMessages } from './helpers';

const schema = cliScriptSchema('`script`');

describe('cliScriptSchema accepts what the CLI accepts', () => {
  it.each([
    ['a plain command', 'aws ec2 describe-volumes'],
    ['NAME=value and its use as $NAME and ${NAME}', 'AZ=us-east-1b\naws ec2 create-volume --size 8 --availability-zone $AZ\naws ec2 describe-volumes --filters Name=availability-zone,Values=${AZ}'],
    ['a quoted value with spaces', 'DESCRIPTION="nightly backup"\naws ec2 describe-snapshots --filters "Name=description,Values=$DESCRIPTION"'],
    ['NAME=$(aws ...) and NAME="$(aws ...)"', 'A=$(aws ec2 describe-volumes --query "Volumes[0].VolumeId" --output text)\nB="$(aws ec2 describe-snapshots --owner-ids self --query "Snapshots[0].SnapshotId" --output text)"\naws ec2 describe-volumes --volume-ids $A\naws ec2 describe-snapshots --snapshot-ids "$B"'],
    ['a captured value used where a number is expected', 'SIZE=$(aws ec2 describe-volumes --query "Volumes[0].Size" --output text)\naws ec2 create-volume --size $SIZE --availability-zone us-east-1a'],
    ['an image id resolved through SSM', 'aws ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --instance-type t3.micro'],
    ['simulator commands', 'sim advance 60'],
    ['backslash continuations and JSON quoted over several lines', "aws ec2 create-volume --availability-zone us-east-1a \\\n  --size 8 \\\n  --tag-specifications '[{\"ResourceType\": \"volume\",\n    \"Tags\": [{\"Key\": \"Name\", \"Value\": \"web-data\"}]}]'"],
  ])('%s', (_case, script) => {
    expect(messages(schema, script)).toEqual([]);
  });
});

describe('cliScriptSchema refuses what the CLI refuses, with its message and the line', () => {
  it.each([
    ['a command that is not aws or sim', 'aws ec2 describe-volumes\nsudo mkfs -t xfs /dev/sdf', 2, 'sudo: command not found.'],
    ['a variable no earlier line set', 'aws ec2 describe-volumes --volume-ids $VOLUME_ID', 1, 'the shell variable $VOLUME_ID is not set'],
    ['a variable set only on a later line', 'aws ec2 describe-volumes --volume-ids $V\nV=vol-0123456789abcdef0', 1, 'the shell variable $V is not set'],
    ['spaces around =', 'AZ = us-east-1a', 1, 'To set a variable, write AZ=value with no spaces around ='],
    ['an unquoted value with spaces', 'NOTE=nightly backup', 1, 'quote a value that contains spaces'],
    ['a pipe', 'aws ec2 describe-volumes | head', 1, 'shell pipes (|) are not available in this simulator'],
    ['a service the simulator does not have', 'aws s3 ls', 1, 'argument command: Invalid choice (not a command of the simulated AWS CLI)'],
    ['an operation the simulator does not have', 'aws ec2 create-vpc --cidr-block 10.0.0.0/16', 1, 'argument operation: Invalid choice (not a command of the simulated AWS CLI)'],
    ['a missing required option', 'aws ec2 create-snapshot', 1, 'the following arguments are required: --volume-id'],
    ['a word where a number is expected', 'aws ec2 create-volume --size big --availability-zone us-east-1a', 1, "invalid literal for int() with base 10: 'big'"],
    ['an unfinished capture', 'ID=$(aws ec2 describe-volumes', 1, 'has no closing )'],
    ['help, which changes nothing', 'help', 1, 'prints help and changes nothing'],
  ])('%s', (_case, script, line, message) => {
    const problems = cliScriptProblems(script);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toContain(message);
    expect(messages(schema, script).join('\n')).toContain(`\`script\`, line ${line}: "`);
  });

  it('reports every bad line, each with the line it starts on', () => {
    const script = 'aws ec2 describe-volumes \\\n  --bogus\n\n# comment\nls -l';
    expect(cliScriptProblems(script).map((p) => [p.line, p.command])).toEqual([
      [1, 'aws ec2 describe-volumes --bogus'],
      [5, 'ls -l'],
    ]);
  });

  it('says in its own words what the lab terminal says when the line runs', () => {
    const script = 'aws ec2 describe-volumes --volume-ids $MISSING';
    const ran = runScript(createWorld(), script).steps[0];
    const complaint = cliScriptProblems(script)[0]?.message ?? '';
    expect(ran?.exitCode).not.toBe(0);
    expect(complaint).not.toBe('');
    expect(ran?.stderr).toContain(complaint);
  });
});

const link = { title: 'Amazon EBS volumes', url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html' };

/** A bad documentation link for each of docLinkSchema's messages: [what is wrong, the link, the message]. */
const badLinks: [string, unknown, string][] = [
  ['a bare URL instead of { title, url }', link.url, 'Each documentation link is an object { title, url }.'],
  ['a missing title', { url: link.url }, 'A documentation link needs a title of at least 3 characters.'],
  ['a two-letter title', { ...link, title: 'EB' }, 'A documentation link needs a title of at least 3 characters.'],
  ['a title of spaces', { ...link, title: '     ' }, 'A documentation link needs a title of at least 3 characters.'],
  ['a missing URL', { title: link.title }, 'A documentation link needs a full https:// URL.'],
  ['a URL without https://', { ...link, url: 'docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html' }, 'A documentation link needs a full https:// URL.'],
  ['a page outside the AWS documentation', { ...link, url: 'https://example.com/ebs' }, 'Documentation links must point at https://docs.aws.amazon.com/... (the pages the facts come from).'],
  ['the AWS documentation over http://', { ...link, url: 'http://docs.aws.amazon.com/ebs/' }, 'Documentation links must point at https://docs.aws.amazon.com/... (the pages the facts come from).'],
];

describe('docLinkSchema', () => {
  it('accepts a titled link to an AWS documentation page', () => {
    expect(messages(docLinkSchema, link)).toEqual([]);
  });

  it.each(badLinks)('rejects %s', (_case, input, message) => {
    expect(messages(docLinkSchema, input)).toContain(message);
  });

  it('has a bad link above for every fixed message in common.ts', () => {
    const asserted = new Set(badLinks.map(([, , message]) => message));
    expect(sourceMessages('common.ts').filter((message) => !asserted.has(message))).toEqual([]);
  });
});

describe('kebabId names the field in its messages', () => {
  const schema = kebabId('`lesson.slug`');

  it.each(['root-volume', 'ami2', 'a-1-b'])('accepts %s', (id) => {
    expect(messages(schema, id)).toEqual([]);
  });

  it.each([
    ['a missing id', undefined, '`lesson.slug` is required (a short kebab-case id such as "root-volume").'],
    ['a number', 3, '`lesson.slug` is required (a short kebab-case id such as "root-volume").'],
    ['capitals and underscores', 'Root_Volume', '`lesson.slug` "Root_Volume" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".'],
    ['a double hyphen', 'root--volume', '`lesson.slug` "root--volume" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".'],
    ['a trailing hyphen', 'root-', '`lesson.slug` "root-" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".'],
  ])('rejects %s', (_case, input, message) => {
    expect(messages(schema, input)).toEqual([message]);
  });
});

describe('checkUnique', () => {
  it('names each repeated value once per repeat, at the given path', () => {
    const schema = z.array(z.string()).superRefine((ids, ctx) => checkUnique(ids, 'Option id', ctx, ['options']));
    const result = schema.safeParse(['a', 'b', 'a', 'b', 'c']);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['options'], 'Option id "a" appears more than once; each must be unique.'],
      [['options'], 'Option id "b" appears more than once; each must be unique.'],
    ]);
  });
});
