import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../src/schemas/scenario';
import { messages, sourceMessages } from './helpers';

const good = {
  title: 'A web server with a data volume',
  description: 'One running instance with a data volume attached at /dev/sdf.',
  script: [
    '# comments and blank lines are ignored',
    '',
    'INSTANCE_ID=$(aws ec2 run-instances --image-id ami-0123456789abcdef0 \\',
    '  --instance-type t3.micro --query "Instances[0].InstanceId" --output text)',
    'aws ec2 wait instance-running --instance-ids $INSTANCE_ID',
  ].join('\n'),
};

/** A bad entry for each author-facing message: [what is wrong, the change to `good`, the message]. */
const rejected: [string, Record<string, unknown>, string][] = [
  ['a missing title', { title: undefined }, 'A scenario needs a `title`.'],
  ['a two-letter title', { title: 'AB' }, 'The scenario title is too short.'],
  ['a title longer than 80 characters', { title: 'A web server with a data volume '.repeat(3) }, 'Keep the scenario title under 80 characters.'],
  ['a missing description', { description: undefined }, 'A scenario needs a `description`: what the learner finds in the account.'],
  ['a short description', { description: 'Empty.' }, 'Describe the starting account in at least one sentence (20 characters).'],
  ['a missing script', { script: undefined }, '`script` is required: AWS CLI commands, one per line.'],
  [
    'a line that is not an AWS CLI command',
    { script: 'aws ec2 describe-volumes\nsudo mkfs -t xfs /dev/sdf' },
    '`script`, line 2: "sudo mkfs -t xfs /dev/sdf": sudo: command not found. This terminal runs aws and sim commands; type help for the list.',
  ],
];

describe('scenario schema', () => {
  it('accepts a script of AWS CLI commands', () => {
    expect(scenarioSchema.parse(good).script).toBe(good.script);
  });

  it('accepts an empty script (the empty account)', () => {
    expect(scenarioSchema.safeParse({ ...good, script: '' }).success).toBe(true);
  });

  it.each(rejected)('rejects %s', (_case, change, message) => {
    expect(messages(scenarioSchema, { ...good, ...change })).toContain(message);
  });

  it('has a bad entry above for every message the scenario schema can give', () => {
    const asserted = new Set(rejected.map(([, , message]) => message));
    expect(sourceMessages('scenario.ts').filter((message) => !asserted.has(message))).toEqual([]);
  });
});
