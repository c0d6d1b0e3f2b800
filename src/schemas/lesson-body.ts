/**
 * Estimated minutes to work through a lesson, from its raw MDX body: prose at about 200 words a
 * minute plus an allowance for each figure or widget, which readers stop to look at or use.
 */
export const WORDS_PER_MINUTE = 200;

/** Minutes allowed per embedded component, by tag name; unknown widgets get the default. */
export const WIDGET_MINUTES: Readonly<Record<string, number>> = { Figure: 1 };
export const DEFAULT_WIDGET_MINUTES = 3;

/** Components that are prose wrappers, not things to look at or play with. */
const PROSE_COMPONENTS = new Set(['Aside', 'Recap', 'Term', 'YouWillLearn']);

export function readingMinutes(body: string): number {
  const withoutCode = body
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\s]+/g, 'w'));
  let widgetMinutes = 0;
  for (const match of withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) {
    const name = match[1] ?? '';
    if (PROSE_COMPONENTS.has(name)) continue;
    widgetMinutes += WIDGET_MINUTES[name] ?? DEFAULT_WIDGET_MINUTES;
  }
  const text = withoutCode
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/[#*_`>|[\]()-]+/g, ' ');
  const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE + widgetMinutes));
}

/** A run of heading text: prose, or inline code (which the page shows in a code font, verbatim). */
export interface HeadingPart {
  text: string;
  code: boolean;
}

export interface SectionHeading {
  depth: 2 | 3;
  id: string;
  /** Plain text, as the reader sees it (typographic quotes and dashes outside code). */
  text: string;
  /** The same text split into prose and code runs, for a table of contents that shows code as code. */
  parts: HeadingPart[];
}

/**
 * The markdown renderer turns straight quotes, `--`, `---` and `...` in prose into typographic
 * characters (never inside code); the table of contents does the same so it reads like the heading.
 */
export function smartPunctuation(text: string): string {
  return text
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\.\.\./g, '\u2026')
    .replace(/(^|[\s([{\u2014\u2013-])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s([{\u2014\u2013-])'/g, '$1\u2018')
    .replace(/'/g, '\u2019');
}

const decodeEntities = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * Splits a heading's source (MDX, with inline code in backticks; tags dropped) into prose and code
 * runs, with whitespace collapsed and prose punctuation made typographic.
 */
export function headingParts(source: string): HeadingPart[] {
  const parts: HeadingPart[] = [];
  const push = (text: string, code: boolean) => {
    const clean = text.replace(/\s+/g, ' ');
    if (clean === '') return;
    const last = parts.at(-1);
    if (last && last.code === code) last.text += clean;
    else parts.push({ text: clean, code });
  };
  let at = 0;
  for (const match of source.matchAll(/`([^`]+)`/g)) {
    push(smartPunctuation(decodeEntities(source.slice(at, match.index).replace(/<[^>]*>/g, ''))), false);
    push(match[1] ?? '', true);
    at = match.index + match[0].length;
  }
  push(smartPunctuation(decodeEntities(source.slice(at).replace(/<[^>]*>/g, ''))), false);
  const first = parts[0];
  if (first && !first.code) first.text = first.text.trimStart();
  const last = parts.at(-1);
  if (last && !last.code) last.text = last.text.trimEnd();
  return parts.filter((part) => part.text !== '');
}

/**
 * Lessons write section headings as `<h2 id="stable-id">Text</h2>` so that deep links from
 * quizzes, hints and the glossary survive edits to the wording. This reads them, in order, for
 * the table of contents, and reports markdown `##` headings (whose ids would follow the text).
 */
export function sectionHeadings(body: string): { headings: SectionHeading[]; problems: string[] } {
  const prose = body.replace(/```[\s\S]*?```/g, '');
  const problems: string[] = [];
  for (const match of prose.matchAll(/^(#{1,6})\s+(.+)$/gm)) {
    problems.push(
      `Markdown heading "${match[0].trim()}" has no stable id: write it as <h${match[1]?.length ?? 2} id="kebab-id">${match[2]?.trim() ?? ''}</h${match[1]?.length ?? 2}>.`,
    );
  }
  const headings: SectionHeading[] = [];
  for (const match of prose.matchAll(/<h([1-6])\s+id="([^"]*)"\s*>([\s\S]*?)<\/h\1>|<Recap\b/g)) {
    if (match[0] === '<Recap') {
      headings.push({ depth: 2, id: 'recap', text: 'Recap', parts: [{ text: 'Recap', code: false }] }); // the heading Recap.astro renders
      continue;
    }
    const depth = Number(match[1]);
    const id = match[2] ?? '';
    if (/<code\b/.test(match[3] ?? '')) {
      problems.push(
        `Heading "${id}": write inline code with backticks (\`--no-reboot\`), not <code>: text inside a <code> tag gets typographic dashes and quotes (-- becomes \u2013).`,
      );
    }
    const parts = headingParts(match[3] ?? '');
    const text = parts.map((part) => part.text).join('');
    if (depth === 1) problems.push(`<h1 id="${id}"> in a lesson: the layout renders the title; start sections at <h2>.`);
    else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push(`Heading id "${id}" must be kebab-case.`);
    else if (depth === 2 || depth === 3) headings.push({ depth, id, text, parts });
  }
  const ids = headings.map((h) => h.id);
  ids.filter((id, i) => ids.indexOf(id) !== i).forEach((id) => problems.push(`Heading id "${id}" is used twice.`));
  return { headings, problems };
}
