import { describe, expect, it } from 'vitest';
import { goalSchema } from '../../../src/schemas/goal';
import { GOAL_IDS } from '../../../src/sim/goals.ts';
import { messages, sourceMessages } from './helpers';

/** A bad goal for each author-facing message: [what is wrong, the goal, the message]. */
const rejected: [string, unknown, string][] = [
  [
    'a missing id',
    { params: { volumeName: 'web-data' } },
    `Each goal needs an \`id\`, one of: ${GOAL_IDS.join(', ')}.`,
  ],
  [
    'an unknown parameter',
    { id: 'instanceInState', params: { name: 'web-server', state: 'terminated' } },
    'Goal instanceInState: unknown parameter "name". Its parameters are instanceName, state.',
  ],
  [
    'a missing parameter',
    { id: 'instanceInState', params: { instanceName: 'web-server' } },
    'Goal instanceInState: parameter "state" is missing (Instance state name.)',
  ],
  [
    'a parameter of the wrong kind',
    { id: 'instanceInState', params: { instanceName: 'web-server', state: 'gone' } },
    'Goal instanceInState: parameter "state" must be one of pending, running, stopping, stopped, shutting-down, terminated, not "gone".',
  ],
  [
    'a nested parameter value',
    { id: 'volumeInAz', params: { volumeName: { tag: 'web-data' }, az: 'us-east-1a' } },
    'Goal volumeInAz: parameter "volumeName" must be a non-empty name (at most 256 characters), not {"tag":"web-data"}.',
  ],
  [
    'parameters that break a rule across them',
    { id: 'snapshotCompleted', params: { volumeName: 'web-data', snapshotName: 'nightly' } },
    'Goal snapshotCompleted: give exactly one of volumeName and snapshotName.',
  ],
  ['params that are not a map', { id: 'instanceInState', params: ['web-server'] }, 'Goal `params` is a map of parameter names to values, e.g. { volumeName: web-data }.'],
  ['a goal that is not an object', 'instanceInState', 'Each goal is an object { id, params }.'],
];

describe('goal schema', () => {
  it('accepts a goal of the simulation and adds its learner-facing description', () => {
    expect(goalSchema.parse({ id: 'volumeInAz', params: { volumeName: 'web-data', az: 'us-east-1a' } })).toEqual({
      id: 'volumeInAz',
      params: { volumeName: 'web-data', az: 'us-east-1a' },
      description: 'The web-data volume is in us-east-1a',
    });
  });

  it('defaults params to none for a goal whose parameters are all optional', () => {
    expect(goalSchema.parse({ id: 'noOrphanedSnapshots' })).toMatchObject({ id: 'noOrphanedSnapshots', params: {} });
  });

  it('names the known goals when the id is unknown', () => {
    const [message] = messages(goalSchema, { id: 'volume-state', params: { name: 'web-data', state: 'available' } });
    expect(message).toBe(`Unknown goal "volume-state". Known goals: ${GOAL_IDS.join(', ')}.`);
    expect(message).toContain('instanceInState');
  });

  it.each(rejected)('rejects %s with a message naming what to fix', (_case, goal, message) => {
    expect(messages(goalSchema, goal)).toEqual([message]);
  });

  it('has a bad entry above for every message the goal schema can give', () => {
    const asserted = new Set(rejected.map(([, , message]) => message));
    expect(sourceMessages('goal.ts').filter((message) => !asserted.has(message))).toEqual([]);
  });
});
