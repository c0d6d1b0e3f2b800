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

export interface SectionHeading {
  depth: 2 | 3;
  id: string;
  text: string;
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
      headings.push({ depth: 2, id: 'recap', text: 'Recap' }); // the heading Recap.astro renders
      continue;
    }
    const depth = Number(match[1]);
    const id = match[2] ?? '';
    const text = (match[3] ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    if (depth === 1) problems.push(`<h1 id="${id}"> in a lesson: the layout renders the title; start sections at <h2>.`);
    else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push(`Heading id "${id}" must be kebab-case.`);
    else if (depth === 2 || depth === 3) headings.push({ depth, id, text });
  }
  const ids = headings.map((h) => h.id);
  ids.filter((id, i) => ids.indexOf(id) !== i).forEach((id) => problems.push(`Heading id "${id}" is used twice.`));
  return { headings, problems };
}
