import { describe, expect, it } from 'vitest';
import { examQuestionsSchema, quizSchema } from '../../../src/schemas/quiz';
import { fakeReference, messages } from './helpers';

const schema = quizSchema(fakeReference);

const single = {
  id: 'attach-across-azs',
  kind: 'single',
  objectives: ['attach-in-same-az'],
  prompt: 'A volume in us-east-1a is attached to an instance in us-east-1b. What happens?',
  options: [
    { id: 'zone-mismatch', text: 'InvalidVolume.ZoneMismatch', correct: true, explanation: 'Volumes attach only within their zone.' },
    { id: 'works', text: 'It attaches.', explanation: 'There is no cross-zone attachment at all.' },
  ],
};
const multiple = {
  ...single,
  id: 'survives-stop',
  kind: 'multiple',
  options: [
    { id: 'root', text: 'Root volume', correct: true, explanation: 'EBS volumes stay attached on stop.' },
    { id: 'data', text: 'Data volume', correct: true, explanation: 'EBS volumes stay attached on stop.' },
    { id: 'store', text: 'Instance store', explanation: 'Instance store data is lost on stop.' },
  ],
};
const claim = {
  id: 'software-in-instance',
  kind: 'true-false-partly',
  objectives: ['separate-compute-storage'],
  prompt: 'Installed software is stored in the instance itself.',
  answer: 'false',
  explanations: {
    true: 'Software is written to a volume, normally the root volume, not to the instance.',
    false: 'Right: the instance is compute; installed software lives on a volume.',
    partly: 'No part of it holds: the instance itself stores nothing.',
  },
};
const order = {
  id: 'stop-states',
  kind: 'order',
  objectives: ['predict-stop-terminate'],
  prompt: 'Put the states of a stopping instance in order.',
  items: [
    { id: 'running', text: 'running' },
    { id: 'stopping', text: 'stopping' },
    { id: 'stopped', text: 'stopped' },
  ],
  explanation: 'Stopping goes running, stopping, stopped.',
};
const labTask = {
  id: 'terminate-keep-data',
  kind: 'lab-task',
  objectives: ['predict-stop-terminate'],
  prompt: 'Terminate web-server and keep web-data.',
  scenario: 'web-server-with-data-volume',
  goals: [{ id: 'volumeInAz', params: { volumeName: 'web-data', az: 'us-east-1a' } }],
  solution: 'aws ec2 terminate-instances --instance-ids i-0123456789abcdef0',
  explanation: 'A data volume attached after launch survives termination.',
};
const good = {
  lesson: 'where-your-data-lives',
  questions: [single, multiple, claim, order, labTask],
};
const withQuestion = (question: object) => ({ ...good, questions: [question, ...good.questions.slice(1)] });

describe('quiz schema', () => {
  it('accepts every kind of question and resolves references', () => {
    const quiz = schema.parse(good);
    expect(quiz.lesson).toEqual({ collection: 'lessons', id: 'where-your-data-lives' });
    expect(quiz.questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'true-false-partly', 'order', 'lab-task']);
    const task = quiz.questions[4];
    expect(task?.kind === 'lab-task' && task.scenario).toEqual({ collection: 'scenarios', id: 'web-server-with-data-volume' });
    expect(task?.kind === 'lab-task' && task.goals[0]?.description).toBe('The web-data volume is in us-east-1a');
  });

  it('keeps one explanation per verdict of a true/false/partly question', () => {
    const question = schema.parse(good).questions[2];
    expect(question?.kind === 'true-false-partly' && question.explanations).toEqual(claim.explanations);
  });

  it('accepts a section anchor and a show-me scenario on any question', () => {
    const quiz = schema.parse(withQuestion({ ...single, section: 'volumes-are-zonal', showMe: 'web-server-with-data-volume' }));
    expect(quiz.questions[0]?.section).toBe('volumes-are-zonal');
    expect(quiz.questions[0]?.showMe).toEqual({ collection: 'scenarios', id: 'web-server-with-data-volume' });
  });

  it.each([
    ['fewer than 5 questions', { questions: good.questions.slice(0, 4) }, 'A lesson quiz has 5 to 8 questions (found fewer than 5).'],
    [
      'more than 8 questions',
      { questions: Array.from({ length: 9 }, (_, i) => ({ ...claim, id: `claim-${i}` })) },
      'A lesson quiz has 5 to 8 questions (found more than 8); move extras to the final exam.',
    ],
    [
      'two questions with the same id',
      { questions: [...good.questions, { ...claim }] },
      'Question id "software-in-instance" appears more than once; each must be unique.',
    ],
    [
      'an unknown kind',
      withQuestion({ ...single, kind: 'essay' }),
      'Each question needs a `kind`, one of: single, multiple, true-false-partly, order, lab-task.',
    ],
    [
      'a single question with two correct options',
      withQuestion({ ...single, options: single.options.map((o) => ({ ...o, correct: true })) }),
      'Question "attach-across-azs" is "single" and must have exactly one option with correct: true (found 2). Use kind "multiple" for several.',
    ],
    [
      'a single question with no correct option',
      withQuestion({ ...single, options: single.options.map((o) => ({ ...o, correct: false })) }),
      'Question "attach-across-azs" is "single" and must have exactly one option with correct: true (found 0). Use kind "multiple" for several.',
    ],
    [
      'a multiple question with one correct option',
      withQuestion({ ...multiple, options: multiple.options.map((o, i) => ({ ...o, correct: i === 0 })) }),
      'Question "survives-stop" is "multiple" ("Select TWO.") and needs at least two options with correct: true and at least one without (found 1 of 3). Use kind "single" for one.',
    ],
    [
      'a multiple question with every option correct',
      withQuestion({ ...multiple, options: multiple.options.map((o) => ({ ...o, correct: true })) }),
      'Question "survives-stop" is "multiple" ("Select TWO.") and needs at least two options with correct: true and at least one without (found 3 of 3). Use kind "single" for one.',
    ],
    ['a section that is not kebab-case', withQuestion({ ...single, section: 'Volumes are zonal' }), '`section` "Volumes are zonal" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".'],
    [
      'a lab task without a solution',
      withQuestion({ ...labTask, solution: '' }),
      'A lab task needs a `solution`: the AWS CLI commands that reach its goals from the scenario.',
    ],
    [
      'a lab task whose solution is not a CLI command',
      withQuestion({ ...labTask, solution: 'aws ec2 make-it-so' }),
      '`solution`, line 1: "aws ec2 make-it-so": argument operation: Invalid choice (not a command of the simulated AWS CLI)',
    ],
    [
      'duplicate option ids',
      withQuestion({ ...single, options: [single.options[0], { ...single.options[1], id: 'zone-mismatch' }] }),
      'Question "attach-across-azs": option id "zone-mismatch" appears more than once; each must be unique.',
    ],
    [
      'an option without an explanation',
      withQuestion({ ...single, options: [single.options[0], { id: 'works', text: 'It attaches.' }] }),
      'Each option needs an `explanation`: why it is right or wrong, in a sentence or two.',
    ],
    [
      'a question that names no objective',
      withQuestion({ ...single, objectives: [] }),
      'Name at least one lesson objective id under `objectives`, so results can be scored per objective.',
    ],
    [
      'a true/false/partly answer of yes',
      withQuestion({ ...claim, answer: 'yes' }),
      '`answer` must be one of: true, false, partly.',
    ],
    [
      'a true/false/partly question without explanations',
      withQuestion({ ...claim, explanations: undefined }),
      'A true/false/partly question needs `explanations`, one per verdict: { true, false, partly }, each saying why that verdict is right or wrong for this claim.',
    ],
    [
      'a true/false/partly question with one shared explanation instead of one per verdict',
      withQuestion({ ...claim, explanations: undefined, explanation: 'Software is written to a volume, normally the root volume.' }),
      'A true/false/partly question needs `explanations`, one per verdict: { true, false, partly }, each saying why that verdict is right or wrong for this claim.',
    ],
    [
      'a true/false/partly question without the explanation of "Partly true"',
      withQuestion({ ...claim, explanations: { true: claim.explanations.true, false: claim.explanations.false } }),
      'A true/false/partly question needs `explanations.partly`: why the verdict "Partly true" is right or wrong for this claim, in a sentence or two.',
    ],
    [
      'a true/false/partly question without the explanation of "True"',
      withQuestion({ ...claim, explanations: { false: claim.explanations.false, partly: claim.explanations.partly } }),
      'A true/false/partly question needs `explanations.true`: why the verdict "True" is right or wrong for this claim, in a sentence or two.',
    ],
    [
      'a verdict explanation that is not a sentence',
      withQuestion({ ...claim, explanations: { ...claim.explanations, false: 'Yes.' } }),
      '`explanations.false` should be a full sentence (at least 15 characters).',
    ],
    [
      'an order question with two items',
      withQuestion({ ...order, items: order.items.slice(0, 2) }),
      'An order question needs at least 3 items.',
    ],
    [
      'duplicate order item ids',
      withQuestion({ ...order, items: [...order.items, { id: 'running', text: 'running again' }] }),
      'Question "stop-states": item id "running" appears more than once; each must be unique.',
    ],
    ['a lab task without goals', withQuestion({ ...labTask, goals: [] }), 'A lab task needs at least one goal to check.'],
  ])('rejects %s', (_case, change, message) => {
    expect(messages(schema, { ...good, ...change })).toContain(message);
  });
});

describe('exam questions schema', () => {
  const exam = examQuestionsSchema(fakeReference);

  it('accepts any number of questions about one lesson', () => {
    const parsed = exam.parse({ lesson: 'where-your-data-lives', questions: [single] });
    expect(parsed.lesson).toEqual({ collection: 'lessons', id: 'where-your-data-lives' });
    expect(parsed.questions).toHaveLength(1);
  });

  it('rejects an empty file and duplicate ids', () => {
    expect(messages(exam, { lesson: 'where-your-data-lives', questions: [] })).toContain('An exam file needs at least one question.');
    expect(messages(exam, { lesson: 'where-your-data-lives', questions: [single, single] })).toContain(
      'Question id "attach-across-azs" appears more than once; each must be unique.',
    );
  });
});
