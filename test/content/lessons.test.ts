// Every lesson (content/lessons/NN-slug/index.mdx) hangs together with the rest of the content:
// its frontmatter passes the lessons schema, its quiz and challenges exist (and it names at least
// one challenge, so "Practise in the lab" renders), every <Term id> is a glossary entry, every
// scenario a widget opens is a file in content/scenarios, and every /lessons/<slug>/#<id> link
// names an existing lesson and one of its section headings. Glossary entries point at an existing
// lesson section too. The build catches some of this one page at a time; this says all of it at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lessonSchema, type LessonData } from '../../src/schemas/lesson';
import { sectionHeadings } from '../../src/schemas/lesson-body';
import { fakeReference, messages } from '../unit/schemas/helpers';

const CONTENT = resolve(import.meta.dirname, '../../content');
const schema = lessonSchema(fakeReference);

/** Ids of the YAML entries of a collection folder (file names without extension). */
const ids = (folder: string) =>
  new Set(
    readdirSync(join(CONTENT, folder))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => f.replace(/\.ya?ml$/, '')),
  );

const glossary = ids('glossary');
const scenarios = ids('scenarios');
const quizzes = ids('quizzes');
const challenges = ids('challenges');

interface LessonSource {
  /** Path under content/, for messages. */
  file: string;
  /** The id Astro gives the lesson: folder or file name without the "NN-" prefix. */
  slug: string;
  frontmatter: unknown;
  body: string;
}

/** Lessons as the content collection loads them: folders with index.mdx or .mdx files, "_" ones left out. */
const sources: LessonSource[] = readdirSync(join(CONTENT, 'lessons'))
  .filter((name) => !name.startsWith('_'))
  .map((name) => (name.endsWith('.mdx') ? name : join(name, 'index.mdx')))
  .filter((file) => existsSync(join(CONTENT, 'lessons', file)))
  .sort()
  .map((file) => {
    const source = readFileSync(join(CONTENT, 'lessons', file), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source) ?? [];
    const slug = file.replace(/\/index\.mdx$|\.mdx$/, '').replace(/^\d+-/, '');
    return { file: `lessons/${file}`, slug, frontmatter: parse(frontmatter) as unknown, body };
  });

/** Section ids a link may target in each lesson: its <h2 id> and <h3 id> headings, and the recap. */
const sections = new Map(sources.map((lesson) => [lesson.slug, new Set(sectionHeadings(lesson.body).headings.map((h) => h.id))]));

/** Comments are not rendered; a link or component inside one must not count. */
const withoutComments = (body: string) => body.replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g, '');

function termIds(body: string): string[] {
  return [...withoutComments(body).matchAll(/<Term\b[^>]*?\bid=["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

/** Scenario ids of widgets: scenario="id" attributes and scenario: 'id' inside a prop's objects (ScenarioPicker). */
function scenarioIds(body: string): string[] {
  return [...withoutComments(body).matchAll(/\bscenario\s*[=:]\s*\{?\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1] ?? '');
}

/** Every /lessons/<slug>/ link, with its #section when it has one. */
function lessonLinks(body: string): { href: string; slug: string; section: string | undefined }[] {
  return [...withoutComments(body).matchAll(/\/lessons\/([^/\s)"'#?]+)\/(?:#([^\s)"'`]+))?/g)].map((m) => ({
    href: m[0],
    slug: m[1] ?? '',
    section: m[2],
  }));
}

function load(lesson: LessonSource): LessonData {
  const problems = messages(schema, lesson.frontmatter);
  if (problems.length > 0) throw new Error(`${lesson.file} does not pass the lessons schema:\n${problems.join('\n')}`);
  return schema.parse(lesson.frontmatter);
}

describe('lessons', () => {
  it('there are lessons to check, each slug used once', () => {
    expect(sources.length).toBeGreaterThan(0);
    const slugs = sources.map((l) => l.slug);
    expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  });

  describe.each(sources)('$file', (lesson) => {
    it('frontmatter passes the lessons schema', () => {
      expect(messages(schema, lesson.frontmatter)).toEqual([]);
    });

    it('its quiz and challenges exist, and it names at least one challenge', () => {
      const data = load(lesson);
      if (data.quiz !== undefined) expect(quizzes, `quiz "${data.quiz.id}" has no file in content/quizzes`).toContain(data.quiz.id);
      expect(data.challenges.length, 'name the challenges that practise this lesson under `challenges:`').toBeGreaterThan(0);
      for (const { id } of data.challenges) expect(challenges, `challenge "${id}" has no file in content/challenges`).toContain(id);
    });

    it('every <Term id> is a glossary entry', () => {
      const missing = termIds(lesson.body).filter((id) => !glossary.has(id));
      expect(missing, 'add content/glossary/<id>.yaml or fix the id').toEqual([]);
    });

    it('every scenario a widget opens exists', () => {
      const used = scenarioIds(lesson.body);
      const missing = used.filter((id) => !scenarios.has(id));
      expect(missing, 'no such file in content/scenarios').toEqual([]);
    });

    it('every /lessons/<slug>/#<id> link names a lesson and one of its headings', () => {
      const broken = lessonLinks(lesson.body)
        .filter(({ slug, section }) => !sections.has(slug) || (section !== undefined && !sections.get(slug)?.has(section)))
        .map(({ href }) => href);
      expect(broken).toEqual([]);
    });
  });

  it('the checks see what lessons use (the patterns match the way lessons are written)', () => {
    const all = sources.map((l) => l.body).join('\n');
    expect(termIds(all).length).toBeGreaterThan(0);
    expect(scenarioIds(all).length).toBeGreaterThan(0);
    expect(lessonLinks(all).some((link) => link.section !== undefined)).toBe(true);
    expect(termIds('<Term id="region">Region</Term>')).toEqual(['region']);
    expect(scenarioIds(`<Lab scenario="a" />\n<X jobs={[{ scenario: 'b' }]} />\n{/* <Lab scenario="c" /> */}`)).toEqual(['a', 'b']);
    expect(lessonLinks('[x](/lessons/amis/#iso-image) and [y](/lessons/snapshots/)').map((l) => [l.slug, l.section])).toEqual([
      ['amis', 'iso-image'],
      ['snapshots', undefined],
    ]);
  });
});

describe('glossary entries', () => {
  it.each([...glossary].sort())('%s points at an existing lesson section', (id) => {
    const file = ['yaml', 'yml'].map((ext) => join(CONTENT, 'glossary', `${id}.${ext}`)).find(existsSync) ?? '';
    const { lesson } = parse(readFileSync(file, 'utf8')) as { lesson: { slug: string; section?: string } };
    expect(sections.has(lesson.slug), `no lesson "${lesson.slug}"`).toBe(true);
    if (lesson.section !== undefined) expect(sections.get(lesson.slug), `no heading id "${lesson.section}" in lesson "${lesson.slug}"`).toContain(lesson.section);
  });
});
