import { describe, expect, it } from 'vitest';
import { glossarySchema } from '../../../src/schemas/glossary';
import { messages } from './helpers';

const good = {
  term: 'EBS volume',
  definition: 'A block storage device that lives in one Availability Zone and is replicated inside it.',
  lesson: { slug: 'where-your-data-lives', section: 'compute-and-storage' },
};

describe('glossary schema', () => {
  it('accepts an entry and defaults aliases to none', () => {
    expect(glossarySchema.parse(good).aliases).toEqual([]);
  });

  it('accepts an entry without a section and with aliases', () => {
    const entry = glossarySchema.parse({ ...good, lesson: { slug: 'snapshots' }, aliases: ['volume'] });
    expect(entry.lesson.section).toBeUndefined();
    expect(entry.aliases).toEqual(['volume']);
  });

  it.each([
    ['a missing term', { term: undefined }, 'A glossary entry needs a `term` (the words as they appear in AWS documentation).'],
    ['a one-word definition', { definition: 'Storage.' }, 'The definition is too short to be useful (at least 20 characters).'],
    [
      'a three-sentence definition',
      { definition: 'It stores blocks. It lives in one zone. It attaches to one instance.' },
      'Keep the definition to one or two sentences; details belong in the lesson.',
    ],
    ['a missing lesson', { lesson: undefined }, 'A glossary entry needs `lesson: { slug, section? }`: where the term is taught.'],
    [
      'a section written with its #',
      { lesson: { slug: 'where-your-data-lives', section: '#compute' } },
      '`lesson.section` "#compute" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".',
    ],
  ])('rejects %s', (_case, change, message) => {
    expect(messages(glossarySchema, { ...good, ...change })).toContain(message);
  });
});
