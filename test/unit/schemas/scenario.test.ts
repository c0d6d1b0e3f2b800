import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../src/schemas/scenario';
import { messages } from './helpers';

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

describe('scenario schema', () => {
  it('accepts a script of AWS CLI commands', () => {
    expect(scenarioSchema.parse(good).script).toBe(good.script);
  });

  it('accepts an empty script (the empty account)', () => {
    expect(scenarioSchema.safeParse({ ...good, script: '' }).success).toBe(true);
  });

  it.each([
    ['a missing script', { script: undefined }, '`script` is required: AWS CLI commands, one per line.'],
    [
      'a line that is not an AWS CLI command',
      { script: 'aws ec2 describe-volumes\nsudo mkfs -t xfs /dev/sdf' },
      '`script`, line 2: "sudo mkfs -t xfs /dev/sdf": sudo: command not found. This terminal runs aws and sim commands; type help for the list.',
    ],
    ['a short description', { description: 'Empty.' }, 'Describe the starting account in at least one sentence (20 characters).'],
  ])('rejects %s', (_case, change, message) => {
    expect(messages(scenarioSchema, { ...good, ...change })).toContain(message);
  });
});
