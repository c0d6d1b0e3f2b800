// Every question of the bank (lesson quizzes in content/quizzes, exam-only questions in
// content/exam) is valid and answerable: it passes the schema (exactly one correct option for
// single choice, an explanation for every option), its objectives are objectives of its lesson,
// its section link and "show me" scenario resolve, and a lab task's goals are unmet at the start
// of its scenario and met by its reference solution, run through the CLI. The bank is big enough.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScript } from '../../src/cli/run.ts';
import { sectionHeadings } from '../../src/schemas/lesson-body';
import { examQuestionsSchema, quizSchema, type QuestionData } from '../../src/schemas/quiz';
import { evaluateGoal } from '../../src/sim/goals.ts';
import { checkInvariants, createWorld, type World } from '../../src/sim/index.ts';
import { fakeReference, messages } from '../unit/schemas/helpers';

const CONTENT = resolve(import.meta.dirname, '../../content');
const yamlFiles = (folder: string) =>
  readdirSync(join(CONTENT, folder))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8')) as unknown;
const stem = (file: string) => file.replace(/\.ya?ml$/, '');

interface LessonInfo {
  objectives: Set<string>;
  sections: Set<string>;
}

/** Each lesson's objective ids (frontmatter) and section ids (<h2 id>), by slug. */
const lessons = new Map<string, LessonInfo>(
  readdirSync(join(CONTENT, 'lessons'))
    .filter((dir) => !dir.startsWith('_'))
    .map((dir) => {
      const source = readFileSync(join(CONTENT, 'lessons', dir, 'index.mdx'), 'utf8');
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      const data = parse(frontmatter) as { objectives: { id: string }[] };
      const sections = sectionHeadings(body).headings.filter((h) => h.depth === 2);
      return [
        dir.replace(/^\d+-/, ''),
        { objectives: new Set(data.objectives.map((o) => o.id)), sections: new Set(sections.map((h) => h.id)) },
      ] as const;
    }),
);

const scenarios = new Map(yamlFiles('scenarios').map((file) => [stem(file), (readYaml(join(CONTENT, 'scenarios', file)) as { script: string }).script]));

interface Bank {
  where: string;
  lesson: string;
  questions: QuestionData[];
}

function loadBanks(folder: 'quizzes' | 'exam'): Bank[] {
  const schema = folder === 'quizzes' ? quizSchema(fakeReference) : examQuestionsSchema(fakeReference);
  return yamlFiles(folder).map((file) => {
    const data = readYaml(join(CONTENT, folder, file));
    const problems = messages(schema, data);
    if (problems.length > 0) throw new Error(`content/${folder}/${file} does not pass its schema:\n${problems.join('\n')}`);
    const parsed = schema.parse(data);
    return { where: `content/${folder}/${file}`, lesson: parsed.lesson.id, questions: parsed.questions };
  });
}

const quizzes = loadBanks('quizzes');
const exam = loadBanks('exam');
const all = [...quizzes, ...exam].flatMap((bank) => bank.questions.map((question) => ({ bank, question })));

/** The World a lab task starts from: its scenario's script replayed on a fresh account. */
function startWorld(scenario: string): World {
  const script = scenarios.get(scenario);
  if (script === undefined) throw new Error(`scenario "${scenario}" has no file in content/scenarios`);
  const replayed = runScript(createWorld(), script);
  const failed = replayed.steps.find((step) => step.exitCode !== 0);
  if (failed) throw new Error(`scenario "${scenario}" failed at line ${failed.line}: ${failed.command}\n${failed.stderr}`);
  return replayed.world;
}

function unmetGoals(world: World, question: Extract<QuestionData, { kind: 'lab-task' }>): string[] {
  return question.goals.flatMap((goal) => {
    const evaluated = evaluateGoal(world, goal);
    if (!evaluated.ok) throw new Error(evaluated.error);
    return evaluated.status.met ? [] : [`${evaluated.status.description}: ${evaluated.status.because}`];
  });
}

describe('question bank', () => {
  it('has at least 80 questions, of which at least 25 are exam questions covering every lesson', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    const examQuestions = exam.flatMap((bank) => bank.questions);
    expect(examQuestions.length).toBeGreaterThanOrEqual(25);
    expect(new Set(exam.map((bank) => bank.lesson))).toEqual(new Set(lessons.keys()));
  });

  it('gives every question an id of its own across quizzes and exam (progress is kept by question id)', () => {
    const ids = all.map(({ question }) => question.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each([...quizzes, ...exam].map((bank) => [bank.where, bank] as const))('%s names an existing lesson, and quizzes their own', (where, bank) => {
    expect(lessons.has(bank.lesson), `${where}: lesson "${bank.lesson}"`).toBe(true);
    if (where.startsWith('content/quizzes/')) expect(where).toBe(`content/quizzes/${bank.lesson}.yaml`);
  });
});

describe.each(all.map(({ bank, question }) => [`${bank.where} ${question.id}`, bank, question] as const))('%s', (_name, bank, question) => {
  const lesson = lessons.get(bank.lesson);

  it('checks objectives of its lesson and links a section of it', () => {
    const unknown = question.objectives.filter((id) => !lesson?.objectives.has(id));
    expect(unknown, `objectives not in lesson ${bank.lesson}`).toEqual([]);
    expect(question.section, 'every question names the lesson section (<h2 id>) that teaches it').toBeDefined();
    expect([...(lesson?.sections ?? [])], `section of lesson ${bank.lesson}`).toContain(question.section);
  });

  it('has a "show me" scenario that exists, if it names one', () => {
    if (question.showMe !== undefined) expect([...scenarios.keys()]).toContain(question.showMe.id);
  });

  if (question.kind === 'multiple') {
    it('says how many to select nowhere but in the widget ("Select TWO.")', () => {
      expect(question.prompt).not.toMatch(/choose all|select all|all that apply/i);
    });
  }

  if (question.kind === 'lab-task') {
    it('starts unmet in its scenario and is reached by its solution', () => {
      const start = startWorld(question.scenario.id);
      expect(unmetGoals(start, question), 'at the start, some goal must be unmet').not.toEqual([]);
      const solved = runScript(start, question.solution);
      for (const step of solved.steps) {
        expect(step.exitCode, `solution line ${step.line}: ${step.command}\n${step.stderr}`).toBe(0);
      }
      expect(checkInvariants(solved.world)).toEqual([]);
      expect(unmetGoals(solved.world, question), 'goals the solution does not meet').toEqual([]);
    });
  }
});
