import { describe, expect, it } from 'vitest';
import { headingParts, readingMinutes, sectionHeadings, WORDS_PER_MINUTE } from '../../../src/schemas/lesson-body';

const words = (n: number) => Array.from({ length: n }, () => 'volume').join(' ');

describe('readingMinutes', () => {
  it('counts prose at the reading speed and rounds up', () => {
    expect(readingMinutes(words(WORDS_PER_MINUTE))).toBe(1);
    expect(readingMinutes(words(WORDS_PER_MINUTE + 1))).toBe(2);
  });

  it('ignores import lines and adds an allowance per figure or widget, not per prose component', () => {
    const body = [
      "import { Aside, Figure, Term } from '~/components/lesson';",
      words(WORDS_PER_MINUTE),
      '<Figure src="/f.svg" alt="x" caption="y" />',
      '<Aside kind="note">text</Aside> <Term id="region">Region</Term>',
      '<BlockExplorer scenario="x" />',
    ].join('\n');
    // 1 minute of prose (+ a few words) -> 2, +1 for Figure, +3 for an unknown widget.
    expect(readingMinutes(body)).toBe(6);
  });

  it('is at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
  });
});

describe('sectionHeadings', () => {
  it('reads explicit-id headings and the Recap in document order', () => {
    const body = '<h2 id="stop-and-terminate">Stop or <em>terminate</em>?</h2>\ntext\n<h3 id="example">Example</h3>\n<Recap>\n- x\n</Recap>';
    expect(sectionHeadings(body)).toEqual({
      headings: [
        { depth: 2, id: 'stop-and-terminate', text: 'Stop or terminate?', parts: [{ text: 'Stop or terminate?', code: false }] },
        { depth: 3, id: 'example', text: 'Example', parts: [{ text: 'Example', code: false }] },
        { depth: 2, id: 'recap', text: 'Recap', parts: [{ text: 'Recap', code: false }] },
      ],
      problems: [],
    });
  });

  it('reports markdown headings, h1, bad and duplicate ids, but not # lines inside code', () => {
    const body = [
      '## Plain heading',
      '```sh',
      '# a shell comment',
      '```',
      '<h1 id="title">Title</h1>',
      '<h2 id="Bad_Id">Bad</h2>',
      '<h2 id="twice">One</h2>',
      '<h2 id="twice">Two</h2>',
    ].join('\n');
    expect(sectionHeadings(body).problems).toEqual([
      'Markdown heading "## Plain heading" has no stable id: write it as <h2 id="kebab-id">Plain heading</h2>.',
      '<h1 id="title"> in a lesson: the layout renders the title; start sections at <h2>.',
      'Heading id "Bad_Id" must be kebab-case.',
      'Heading id "twice" is used twice.',
    ]);
  });
});

describe('headingParts', () => {
  it('keeps inline code verbatim (no dashes, no backticks) and separate from the prose', () => {
    expect(headingParts('Reboot by default, or `--no-reboot`')).toEqual([
      { text: 'Reboot by default, or ', code: false },
      { text: '--no-reboot', code: true },
    ]);
    expect(headingParts('<em>One</em> call: `--delete-associated-snapshots` &amp; more')).toEqual([
      { text: 'One call: ', code: false },
      { text: '--delete-associated-snapshots', code: true },
      { text: ' & more', code: false },
    ]);
  });

  it('makes prose punctuation typographic, as the rendered heading shows it', () => {
    expect(headingParts('Claim c: "an AMI\'s volumes" -- and ... `"x" -- y`')).toEqual([
      { text: 'Claim c: \u201can AMI\u2019s volumes\u201d \u2013 and \u2026 ', code: false },
      { text: '"x" -- y', code: true },
    ]);
  });

  it('asks for backticks instead of a <code> tag, whose text would get typographic dashes', () => {
    expect(sectionHeadings('<h2 id="no-reboot">Or <code>--no-reboot</code></h2>').problems).toEqual([
      'Heading "no-reboot": write inline code with backticks (`--no-reboot`), not <code>: text inside a <code> tag gets typographic dashes and quotes (-- becomes \u2013).',
    ]);
  });

  it('gives the table of contents the plain text of a heading with code', () => {
    const { headings } = sectionHeadings('<h2 id="no-reboot">Reboot, or `--no-reboot`</h2>');
    expect(headings[0]?.text).toBe('Reboot, or --no-reboot');
  });
});
