import { describe, expect, it } from 'vitest';
import { challengeSchema } from '../../../src/schemas/challenge';
import { fakeReference, messages } from './helpers';

const schema = challengeSchema(fakeReference);
const good = {
  title: 'Retire the web server, keep its data',
  difficulty: 'beginner',
  scenario: 'web-server-with-data-volume',
  brief: 'Terminate web-server but keep the data volume web-data.',
  goals: [
    { predicate: 'instance-state', params: { name: 'web-server', state: 'terminated' } },
    { predicate: 'volume-state', params: { name: 'web-data', state: 'available' } },
  ],
  hints: ['Look at DeleteOnTermination before you terminate anything.'],
  solution: 'aws ec2 terminate-instances --instance-ids i-0123456789abcdef0',
};

describe('challenge schema', () => {
  it('accepts a challenge and resolves its scenario reference', () => {
    expect(schema.parse(good).scenario).toEqual({ collection: 'scenarios', id: 'web-server-with-data-volume' });
  });

  it('defaults goal params to none', () => {
    const parsed = schema.parse({ ...good, goals: [{ predicate: 'no-running-instances' }] });
    expect(parsed.goals[0]?.params).toEqual({});
  });

  it.each([
    ['an unknown difficulty', { difficulty: 'easy' }, '`difficulty` must be one of: beginner, intermediate, advanced.'],
    ['no goals', { goals: [] }, 'A challenge needs at least one goal, otherwise it cannot be checked.'],
    [
      'a goal whose params are nested',
      { goals: [{ predicate: 'volume-state', params: { name: { tag: 'web-data' } } }] },
      'Each goal parameter value must be plain text, a number or true/false (not a list or a map).',
    ],
    [
      'a goal predicate in camelCase',
      { goals: [{ predicate: 'volumeState' }] },
      'Goal `predicate` "volumeState" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".',
    ],
    ['no hints', { hints: [] }, 'Give at least one hint.'],
    ['an empty solution', { solution: '  \n' }, '`solution` must contain the reference AWS CLI commands that reach the goals.'],
    [
      'a solution that is not AWS CLI',
      { solution: 'terminate web-server' },
      '`solution`, line 1: "terminate web-server" is not an AWS CLI command. Each command starts with "aws " (optionally captured as NAME=$(aws ...)).',
    ],
  ])('rejects %s', (_case, change, message) => {
    expect(messages(schema, { ...good, ...change })).toContain(message);
  });
});
