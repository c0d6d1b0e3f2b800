import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/schemas/lesson';
import { fakeReference, messages, sourceMessages } from './helpers';

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

const objective = (change: Record<string, unknown>) => ({
  objectives: [...good.objectives.slice(0, 2), { ...good.objectives[2], ...change }],
});
const docLink = (link: unknown) => ({ docs: [link] });

/** A bad entry for each author-facing message: [what is wrong, the change to `good`, the message]. */
const rejected: [string, Record<string, unknown>, string][] = [
  ['a missing title', { title: undefined }, 'A lesson needs a title.'],
  ['a title of one short word', { title: 'EBS' }, 'The lesson title is too short (at least 5 characters).'],
  ['a title too long for the sidebar', { title: 'Where your data lives '.repeat(4) }, 'Keep the lesson title under 80 characters so it fits the sidebar.'],
  ['a missing description', { description: undefined }, 'A lesson needs a one-line description (shown on the home page and in search results).'],
  ['a one-word description', { description: 'Short.' }, 'The description should be one full sentence (at least 20 characters).'],
  ['a description longer than a line', { description: 'An EC2 instance is only compute. '.repeat(7) }, 'Keep the description to one line (at most 200 characters).'],
  ['a missing order', { order: undefined }, 'A lesson needs an `order`: its position in the course (1, 2, 3, ...).'],
  ['an order written as text', { order: 'first' }, 'A lesson needs an `order`: its position in the course (1, 2, 3, ...).'],
  ['a fractional order', { order: 1.5 }, '`order` must be a whole number.'],
  ['order 0', { order: 0 }, '`order` starts at 1.'],
  ['objectives that are one string', { objectives: 'Explain Regions and zones.' }, '`objectives` is a list of { id, text } ("You will learn").'],
  ['too few objectives', { objectives: good.objectives.slice(0, 2) }, 'List 3 to 5 objectives under `objectives` ("You will learn").'],
  [
    'more than 5 objectives',
    { objectives: [...good.objectives, ...['restore-volume', 'copy-snapshot', 'register-image'].map((id) => ({ id, text: `Know how to ${id.replace(/-/g, ' ')}.` }))] },
    'List at most 5 objectives; a lesson that teaches more should be split.',
  ],
  ['an objective written as a plain string', { objectives: [...good.objectives.slice(0, 2), 'Predict what stop does.'] }, 'Each objective is an object { id, text }.'],
  ['an objective without an id', objective({ id: undefined }), 'Objective id is required (a short kebab-case id such as "root-volume").'],
  [
    'an objective id that is not kebab-case',
    objective({ id: 'Predict_Stop' }),
    'Objective id "Predict_Stop" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".',
  ],
  [
    'a duplicated objective id',
    { objectives: [...good.objectives, { id: 'explain-region-az', text: 'Explain the same thing twice over.' }] },
    'Objective id "explain-region-az" appears more than once; each must be unique.',
  ],
  ['an objective without a text', objective({ text: undefined }), 'Each objective needs a text: what the learner will be able to do.'],
  ['an objective text that is too short', objective({ text: 'Stop it.' }), 'An objective text should be a full phrase (at least 10 characters).'],
  [
    'an objective text that says too much',
    objective({ text: 'Predict what stop and terminate do to each attached volume, '.repeat(3) }),
    'Keep an objective under 160 characters; split it if it says two things.',
  ],
  ['docs that are one URL', { docs: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html' }, '`docs` is a list of { title, url } AWS documentation links.'],
  ['no documentation links', { docs: [] }, 'Cite at least one AWS documentation page under `docs`.'],
  ['a documentation link given as a bare URL', docLink('https://docs.aws.amazon.com/ebs/'), 'Each documentation link is an object { title, url }.'],
  ['a documentation link with a two-letter title', docLink({ ...good.docs[0], title: 'EB' }), 'A documentation link needs a title of at least 3 characters.'],
  ['a documentation link without https://', docLink({ ...good.docs[0], url: 'docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html' }), 'A documentation link needs a full https:// URL.'],
  [
    'a link outside the AWS documentation',
    docLink({ title: 'A blog post', url: 'https://example.com/ebs' }),
    'Documentation links must point at https://docs.aws.amazon.com/... (the pages the facts come from).',
  ],
  ['minutes written as text', { minutes: 'ten' }, '`minutes` must be a number of minutes.'],
  ['a fractional minutes override', { minutes: 7.5 }, '`minutes` must be a whole number.'],
  ['a minutes override below 1', { minutes: 0 }, '`minutes` is at least 1.'],
  ['a minutes override above 90', { minutes: 120 }, '`minutes` above 90 suggests the lesson should be split.'],
];

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

  it.each(rejected)('rejects %s', (_case, change, message) => {
    expect(messages(schema, { ...good, ...change })).toContain(message);
  });

  it('has a bad entry above for every message the lesson schema can give', () => {
    const asserted = new Set(rejected.map(([, , message]) => message));
    expect(sourceMessages('lesson.ts').filter((message) => !asserted.has(message))).toEqual([]);
  });
});
