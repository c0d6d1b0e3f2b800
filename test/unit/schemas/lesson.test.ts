import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/schemas/lesson';
import { fakeReference, messages } from './helpers';

const schema = lessonSchema(fakeReference);
const good = {
  title: 'Where your data lives: instances and volumes',
  description: 'An EC2 instance is only compute; your files live on volumes.',
  order: 1,
  objectives: [
    { id: 'explain-region-az', text: 'Explain what a Region and an Availability Zone are.' },
    { id: 'separate-compute-storage', text: 'Tell the instance apart from its volumes.' },
    { id: 'predict-stop-terminate', text: 'Predict what stop and terminate do to volumes.' },
  ],
  docs: [{ title: 'Amazon EBS volumes', url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html' }],
  quiz: 'where-your-data-lives',
  challenges: ['keep-the-data-volume'],
};

describe('lesson schema', () => {
  it('accepts a complete lesson and resolves its references', () => {
    const lesson = schema.parse(good);
    expect(lesson.quiz).toEqual({ collection: 'quizzes', id: 'where-your-data-lives' });
    expect(lesson.challenges).toEqual([{ collection: 'challenges', id: 'keep-the-data-volume' }]);
    expect(lesson.minutes).toBeUndefined();
  });

  it('defaults challenges to none and accepts a minutes override', () => {
    const { challenges: _, ...withoutChallenges } = good;
    const lesson = schema.parse({ ...withoutChallenges, minutes: 12 });
    expect(lesson.challenges).toEqual([]);
    expect(lesson.minutes).toBe(12);
  });

  it.each([
    ['a missing title', { title: undefined }, 'A lesson needs a title.'],
    ['a one-word description', { description: 'Short.' }, 'The description should be one full sentence (at least 20 characters).'],
    ['a fractional order', { order: 1.5 }, '`order` must be a whole number.'],
    ['order 0', { order: 0 }, '`order` starts at 1.'],
    ['too few objectives', { objectives: good.objectives.slice(0, 2) }, 'List 3 to 5 objectives under `objectives` ("You will learn").'],
    [
      'an objective id that is not kebab-case',
      { objectives: [...good.objectives.slice(0, 2), { id: 'Predict_Stop', text: 'Predict what stop and terminate do.' }] },
      'Objective id "Predict_Stop" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".',
    ],
    [
      'a duplicated objective id',
      { objectives: [...good.objectives, { id: 'explain-region-az', text: 'Explain the same thing twice over.' }] },
      'Objective id "explain-region-az" appears more than once; each must be unique.',
    ],
    ['no documentation links', { docs: [] }, 'Cite at least one AWS documentation page under `docs`.'],
    [
      'a link outside the AWS documentation',
      { docs: [{ title: 'A blog post', url: 'https://example.com/ebs' }] },
      'Documentation links must point at https://docs.aws.amazon.com/... (the pages the facts come from).',
    ],
    ['a minutes override above 90', { minutes: 120 }, '`minutes` above 90 suggests the lesson should be split.'],
  ])('rejects %s', (_case, change, message) => {
    expect(messages(schema, { ...good, ...change })).toContain(message);
  });
});
