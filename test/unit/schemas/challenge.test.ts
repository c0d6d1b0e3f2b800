import { describe, expect, it } from 'vitest';
import { challengeSchema } from '../../../src/schemas/challenge';
import { GOAL_IDS } from '../../../src/sim/goals.ts';
import { fakeReference, messages, sourceMessages } from './helpers';

const schema = challengeSchema(fakeReference);
const good = {
  title: 'Retire the web server, keep its data',
  difficulty: 'beginner',
  order: 2,
  scenario: 'web-server-with-data-volume',
  brief: 'Terminate web-server but keep the data volume web-data.',
  goals: [
    { id: 'instanceInState', params: { instanceName: 'web-server', state: 'terminated' } },
    { id: 'volumeInAz', params: { volumeName: 'web-data', az: 'us-east-1a' } },
  ],
  hints: ['Look at DeleteOnTermination before you terminate anything.'],
  solution: 'aws ec2 terminate-instances --instance-ids i-0123456789abcdef0',
};

/** A bad entry for each author-facing message: [what is wrong, the change to `good`, the message]. */
const rejected: [string, Record<string, unknown>, string][] = [
  ['a missing title', { title: undefined }, 'A challenge needs a `title`.'],
  ['a title of one short word', { title: 'Fix' }, 'The challenge title is too short (at least 5 characters).'],
  ['a title longer than 80 characters', { title: 'Retire the web server, keep its data '.repeat(3) }, 'Keep the challenge title under 80 characters.'],
  ['an unknown difficulty', { difficulty: 'easy' }, '`difficulty` must be one of: beginner, intermediate, advanced.'],
  ['no place in the track', { order: undefined }, "`order` is required: the challenge's place in the track (1 = the first one)."],
  ['a place in the track that is not a whole number', { order: 2.5 }, '`order` must be a whole number (1 = the first challenge of the track).'],
  ['a place in the track before the first', { order: 0 }, '`order` must be 1 or more (1 = the first challenge of the track).'],
  ['a missing brief', { brief: undefined }, 'A challenge needs a `brief`: the task as the learner reads it.'],
  ['a brief that is not a sentence', { brief: 'Do it.' }, 'The brief should state the task in at least one sentence.'],
  ['goals written as one goal', { goals: { id: 'noOrphanedSnapshots' } }, '`goals` is a list of { id, params }.'],
  ['no goals', { goals: [] }, 'A challenge needs at least one goal, otherwise it cannot be checked.'],
  [
    'a goal whose params are nested',
    { goals: [{ id: 'volumeInAz', params: { volumeName: { tag: 'web-data' }, az: 'us-east-1a' } }] },
    'Goal volumeInAz: parameter "volumeName" must be a non-empty name (at most 256 characters), not {"tag":"web-data"}.',
  ],
  [
    'a goal the simulation does not have',
    { goals: [{ id: 'volume-state', params: { name: 'web-data', state: 'available' } }] },
    `Unknown goal "volume-state". Known goals: ${GOAL_IDS.join(', ')}.`,
  ],
  [
    'a goal with a parameter it does not take',
    { goals: [{ id: 'volumeInAz', params: { volumeName: 'web-data', zone: 'us-east-1a' } }] },
    'Goal volumeInAz: unknown parameter "zone". Its parameters are volumeName, az.',
  ],
  ['hints written as one string', { hints: 'Look at DeleteOnTermination first.' }, '`hints` is a list of sentences, from gentle to explicit.'],
  ['a hint of one word', { hints: ['Look.', 'Look at DeleteOnTermination first.'] }, 'A hint should be a full sentence (at least 10 characters).'],
  ['no hints', { hints: [] }, 'Give at least one hint.'],
  ['an empty solution', { solution: '  \n' }, '`solution` must contain the reference AWS CLI commands that reach the goals.'],
  [
    'a solution that is not AWS CLI',
    { solution: 'terminate web-server' },
    '`solution`, line 1: "terminate web-server": terminate: command not found. This terminal runs aws and sim commands; type help for the list.',
  ],
];

describe('challenge schema', () => {
  it('accepts a challenge and resolves its scenario reference', () => {
    expect(schema.parse(good).scenario).toEqual({ collection: 'scenarios', id: 'web-server-with-data-volume' });
  });

  it('checks goals against the simulation and describes them for the learner', () => {
    expect(schema.parse(good).goals.map((goal) => goal.description)).toEqual([
      'The web-server instance is terminated',
      'The web-data volume is in us-east-1a',
    ]);
  });

  it('defaults goal params to none', () => {
    const parsed = schema.parse({ ...good, goals: [{ id: 'noOrphanedSnapshots' }] });
    expect(parsed.goals[0]?.params).toEqual({});
  });

  it.each(rejected)('rejects %s', (_case, change, message) => {
    expect(messages(schema, { ...good, ...change })).toContain(message);
  });

  it('has a bad entry above for every message the challenge schema can give', () => {
    const asserted = new Set(rejected.map(([, , message]) => message));
    expect(sourceMessages('challenge.ts').filter((message) => !asserted.has(message))).toEqual([]);
  });
});
