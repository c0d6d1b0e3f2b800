import { describe, expect, it } from 'vitest';
import { glossarySchema } from '../../../src/schemas/glossary';
import { messages, sourceMessages } from './helpers';

const good = {
  term: 'EBS volume',
  definition: 'A block storage device that lives in one Availability Zone and is replicated inside it.',
  lesson: { slug: 'where-your-data-lives', section: 'compute-and-storage' },
};

/** A bad entry for each author-facing message: [what is wrong, the change to `good`, the message]. */
const rejected: [string, Record<string, unknown>, string][] = [
  ['a missing term', { term: undefined }, 'A glossary entry needs a `term` (the words as they appear in AWS documentation).'],
  ['a one-letter term', { term: 'V' }, 'The term is too short.'],
  ['a missing definition', { definition: undefined }, 'A glossary entry needs a `definition` of one or two sentences.'],
  ['a one-word definition', { definition: 'Storage.' }, 'The definition is too short to be useful (at least 20 characters).'],
  [
    'a definition longer than 400 characters',
    { definition: `A block storage device that lives in one Availability Zone; ${'it is replicated inside that zone, '.repeat(10)}and attaches to instances.` },
    'Keep the definition to one or two sentences (at most 400 characters).',
  ],
  [
    'a three-sentence definition',
    { definition: 'It stores blocks. It lives in one zone. It attaches to one instance.' },
    'Keep the definition to one or two sentences; details belong in the lesson.',
  ],
  ['a lesson without its slug', { lesson: { section: 'compute-and-storage' } }, '`lesson.slug` is required (a short kebab-case id such as "root-volume").'],
  ['a missing lesson', { lesson: undefined }, 'A glossary entry needs `lesson: { slug, section? }`: where the term is taught.'],
  [
    'a section written with its #',
    { lesson: { slug: 'where-your-data-lives', section: '#compute' } },
    '`lesson.section` "#compute" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".',
  ],
  ['a one-letter alias', { aliases: ['volume', 'v'] }, 'An alias needs at least 2 characters.'],
];

describe('glossary schema', () => {
  it('accepts an entry and defaults aliases to none', () => {
    expect(glossarySchema.parse(good).aliases).toEqual([]);
  });

  it('accepts an entry without a section and with aliases', () => {
    const entry = glossarySchema.parse({ ...good, lesson: { slug: 'snapshots' }, aliases: ['volume'] });
    expect(entry.lesson.section).toBeUndefined();
    expect(entry.aliases).toEqual(['volume']);
  });

  it.each(rejected)('rejects %s', (_case, change, message) => {
    expect(messages(glossarySchema, { ...good, ...change })).toContain(message);
  });

  it('has a bad entry above for every message the glossary schema can give', () => {
    const asserted = new Set(rejected.map(([, , message]) => message));
    expect(sourceMessages('glossary.ts').filter((message) => !asserted.has(message))).toEqual([]);
  });
});
