/** Quiz questions of every kind, the lesson quiz's score and the exam's results (happy-dom). */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { questionSchema } from '../../src/schemas/quiz';
import Exam from '../../src/widgets/quiz/Exam.tsx';
import { moveItem, scrambledOrder } from '../../src/widgets/quiz/grade.ts';
import { QuestionView } from '../../src/widgets/quiz/QuestionView.tsx';
import Quiz from '../../src/widgets/quiz/Quiz.tsx';
import type { LessonRef, QuestionData } from '../../src/widgets/quiz/types.ts';
import { fakeReference } from '../unit/schemas/helpers';

const recordAnswer = vi.hoisted(() => vi.fn());
vi.mock('../../src/progress/index.ts', () => ({ recordAnswer }));

afterEach(cleanup);
beforeEach(() => recordAnswer.mockClear());

const parse = (question: object) => questionSchema(fakeReference).parse(question) as QuestionData;
const lesson: LessonRef = {
  slug: 'where-your-data-lives',
  title: 'Where your data lives',
  sections: { 'volumes-are-zonal': 'Volumes stay in their Availability Zone' },
};

const single = parse({
  id: 'attach-across-azs',
  kind: 'single',
  objectives: ['attach-in-same-az'],
  section: 'volumes-are-zonal',
  showMe: 'data-volume-in-another-az',
  prompt: 'A volume in us-east-1a is attached to an instance in us-east-1b. What happens?',
  options: [
    { id: 'zone-mismatch', text: 'It fails with InvalidVolume.ZoneMismatch.', correct: true, explanation: 'Volumes attach only within their zone.' },
    { id: 'works', text: 'It attaches across zones.', explanation: 'There is no cross-zone attachment at all.' },
  ],
});
const multiple = parse({
  id: 'survives-stop',
  kind: 'multiple',
  objectives: ['predict-stop-terminate'],
  prompt: 'You stop an EBS-backed instance. Which keep their data?',
  options: [
    { id: 'root', text: 'The root volume', correct: true, explanation: 'EBS volumes stay attached on stop.' },
    { id: 'data', text: 'A data volume', correct: true, explanation: 'Data volumes are EBS volumes too.' },
    { id: 'store', text: 'The instance store', explanation: 'Instance store data is lost on stop.' },
  ],
});
const claim = parse({
  id: 'software-in-instance',
  kind: 'true-false-partly',
  objectives: ['separate-compute-storage'],
  prompt: 'Installed software is stored in the instance itself.',
  answer: 'false',
  explanations: {
    true: 'The instance is compute only; software is written to a volume.',
    false: 'Software is written to a volume, normally the root volume.',
    partly: 'No part holds: nothing is stored in the instance itself.',
  },
});
const order = parse({
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
});

const view = (question: QuestionData, onAnswered = vi.fn()) => {
  render(<QuestionView question={question} lesson={lesson} source="quiz" onAnswered={onAnswered} />);
  return onAnswered;
};
const check = () => fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
const status = () => screen.getByRole('status');
const option = (id: string) => document.querySelector(`[data-option="${id}"]`) as HTMLElement;

describe('a single-choice question', () => {
  test('is a radio group labelled by its prompt, and explains every option after a wrong answer', async () => {
    const onAnswered = view(single);
    const group = screen.getByRole('group', { name: /What happens\?/ });
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
    expect(screen.queryByText('Volumes attach only within their zone.')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: /attaches across zones/ }));
    check();
    expect(status().textContent).toMatch(/Not quite/);
    expect(within(option('works')).getByText('Your answer')).toBeTruthy();
    expect(within(option('works')).getByText(/Not correct/)).toBeTruthy();
    expect(within(option('works')).getByText('There is no cross-zone attachment at all.')).toBeTruthy();
    expect(within(option('zone-mismatch')).getByText(/Correct answer/)).toBeTruthy();
    expect(within(option('zone-mismatch')).getByText('Volumes attach only within their zone.')).toBeTruthy();
    expect(screen.getAllByRole('radio').every((r) => (r as HTMLInputElement).disabled)).toBe(true);

    const read = screen.getByRole('link', { name: /Volumes stay in their Availability Zone/ });
    expect(read.getAttribute('href')).toBe('/lessons/where-your-data-lives/#volumes-are-zonal');
    expect(screen.getByRole('link', { name: 'Show me in the lab' }).getAttribute('href')).toBe('/lab/?scenario=data-volume-in-another-az');
    expect(onAnswered).toHaveBeenCalledWith(false);
    // The progress store loads on the first answer.
    await waitFor(() => expect(recordAnswer).toHaveBeenCalledTimes(1));
    expect(recordAnswer).toHaveBeenCalledWith({
      source: 'quiz',
      lesson: 'where-your-data-lives',
      questionId: 'attach-across-azs',
      objectives: ['attach-in-same-az'],
      correct: false,
    });
  });

  test('tries again from a clean slate and accepts the right answer', async () => {
    const onAnswered = view(single);
    fireEvent.click(screen.getByRole('radio', { name: /attaches across zones/ }));
    check();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(screen.queryByText('Volumes attach only within their zone.')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /ZoneMismatch/ }));
    check();
    expect(status().textContent).toMatch(/Correct\./);
    expect(onAnswered).toHaveBeenLastCalledWith(true);
    await waitFor(() => expect(recordAnswer).toHaveBeenCalledTimes(2));
  });

  test('asks for an answer before checking, without recording anything', () => {
    view(single);
    check();
    expect(status().textContent).toBe('Choose an answer first.');
    expect(recordAnswer).not.toHaveBeenCalled();
  });
});

describe('a multiple-choice question', () => {
  test('says how many to select, and insists on that many', () => {
    view(multiple);
    expect(screen.getByText('Select TWO.')).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    fireEvent.click(screen.getByRole('checkbox', { name: /root volume/ }));
    check();
    expect(status().textContent).toBe('Select TWO. You selected 1.');
    expect(recordAnswer).not.toHaveBeenCalled();
  });

  test('is right only with exactly the right options, and explains each', () => {
    const onAnswered = view(multiple);
    fireEvent.click(screen.getByRole('checkbox', { name: /root volume/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /instance store/ }));
    check();
    expect(onAnswered).toHaveBeenLastCalledWith(false);
    expect(within(option('store')).getByText('Instance store data is lost on stop.')).toBeTruthy();
    expect(within(option('data')).getByText(/Correct answer/)).toBeTruthy();
    expect(within(option('data')).queryByText('Your answer')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /root volume/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /data volume/ }));
    check();
    expect(onAnswered).toHaveBeenLastCalledWith(true);
  });
});

describe('a true / false / partly question', () => {
  test('offers the three verdicts and, after answering, explains each one under it', () => {
    const onAnswered = view(claim);
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['True', 'False', 'Partly true']);
    expect(screen.queryByText('Software is written to a volume, normally the root volume.')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Partly true' }));
    check();
    expect(onAnswered).toHaveBeenLastCalledWith(false);
    // The learner's verdict and the right one are marked in words, each with its own explanation.
    expect(within(option('partly')).getByText('Your answer')).toBeTruthy();
    expect(within(option('partly')).getByText(/Not correct/)).toBeTruthy();
    expect(within(option('partly')).getByText('No part holds: nothing is stored in the instance itself.')).toBeTruthy();
    expect(within(option('false')).getByText(/Correct answer/)).toBeTruthy();
    expect(within(option('false')).queryByText('Your answer')).toBeNull();
    expect(within(option('false')).getByText('Software is written to a volume, normally the root volume.')).toBeTruthy();
    expect(within(option('true')).getByText(/Not correct/)).toBeTruthy();
    expect(within(option('true')).getByText('The instance is compute only; software is written to a volume.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    fireEvent.click(screen.getByRole('radio', { name: 'False' }));
    check();
    expect(onAnswered).toHaveBeenLastCalledWith(true);
  });
});

describe('an order question', () => {
  const items = () => [...document.querySelectorAll('[data-item]')].map((li) => li.getAttribute('data-item'));
  // The item's text is a visually hidden part of the button's name ("Move up: stopping").
  const moveButton = (text: string, direction: 'up' | 'down') => screen.getByRole('button', { name: new RegExp(`^Move ${direction}\\s?: ${text}$`) });
  const move = (text: string, direction: 'up' | 'down') => {
    const button = moveButton(text, direction);
    button.focus();
    fireEvent.click(button);
  };

  test('starts scrambled, reorders with Move up / Move down, announces each move and keeps focus', async () => {
    const onAnswered = view(order);
    expect(items()).not.toEqual(['running', 'stopping', 'stopped']);
    const first = items()[0] as string;
    // The first item cannot move up: the button says so and stays focusable.
    expect(moveButton(first, 'up').getAttribute('aria-disabled')).toBe('true');
    // Bubble the items into place with the buttons only.
    for (let guard = 0; guard < 6 && items().join() !== 'running,stopping,stopped'; guard++) {
      const current = items();
      const target = ['running', 'stopping', 'stopped'].find((id, i) => current[i] !== id) as string;
      move(target, 'up');
      await waitFor(() => expect(document.activeElement?.textContent).toBe(`Move up: ${target}`));
      expect(screen.getByText(new RegExp(`“${target}” moved to position \\d of 3\\.`))).toBeTruthy();
    }
    expect(items()).toEqual(['running', 'stopping', 'stopped']);
    check();
    expect(onAnswered).toHaveBeenLastCalledWith(true);
    expect(screen.getAllByText(/In the right place/)).toHaveLength(3);
    expect(screen.getByText('Stopping goes running, stopping, stopped.')).toBeTruthy();
  });

  test('Move down moves an item one place down', () => {
    view(order);
    const [first, second, third] = items() as [string, string, string];
    move(first, 'down');
    expect(items()).toEqual([second, first, third]);
    expect(screen.getByText(`“${first}” moved to position 2 of 3.`)).toBeTruthy();
  });

  test('a wrong order says where each item belongs', () => {
    const onAnswered = view(order);
    check();
    expect(onAnswered).toHaveBeenLastCalledWith(false);
    expect(screen.getAllByText(/Belongs at position \d/).length).toBeGreaterThan(0);
    expect(screen.getByText('The right order:')).toBeTruthy();
  });
});

describe('a lab-task question', () => {
  const task = parse({
    id: 'snapshot-web-data',
    kind: 'lab-task',
    objectives: ['take-a-snapshot'],
    prompt: 'Take a snapshot of web-data and wait until it is completed.',
    scenario: 'web-server-with-data-volume',
    goals: [{ id: 'snapshotCompleted', params: { volumeName: 'web-data' } }],
    solution: 'aws ec2 create-snapshot --volume-id vol-0123456789abcdef0',
    explanation: 'A snapshot can be taken while the volume is attached and in use.',
  });

  test('lists its goals and, without a prepared lab, sends the learner to the lesson', () => {
    view(task);
    expect(screen.getByText('A completed snapshot of the web-data volume exists')).toBeTruthy();
    expect(screen.getByRole('link', { name: lesson.title }).getAttribute('href')).toBe('/lessons/where-your-data-lives/#check-your-understanding');
    expect(screen.queryByRole('button', { name: 'Check answer' })).toBeNull();
  });

  test('loads the lab only when the learner opens it, with the goals as a live checklist', async () => {
    view({ ...task, lab: { title: 'A web server with a data volume', calls: [] } } as QuestionData);
    expect(document.querySelector('.lab')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open the lab for this task' }));
    // The button is gone; focus is on the lab's place, not on the page.
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Lab for this task' }));
    const checklist = await screen.findByRole('group', { name: /Goals/ }, { timeout: 10_000 });
    expect(checklist.textContent).toMatch(/Not met: A completed snapshot of the web-data volume exists/);
    expect(document.querySelector('.lab')).not.toBeNull();
  });
});

describe('the lesson quiz', () => {
  test('scores the first try of every question once all are answered', () => {
    render(<Quiz lesson={lesson} questions={[single, claim]} />);
    const [first, second] = [...document.querySelectorAll<HTMLElement>('.question')].map((q) => within(q));
    if (!first || !second) throw new Error('two questions expected');
    fireEvent.click(first.getByRole('radio', { name: /ZoneMismatch/ }));
    fireEvent.click(first.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByText('1 of 2 questions answered.')).toBeTruthy();
    fireEvent.click(second.getByRole('radio', { name: 'True' }));
    fireEvent.click(second.getByRole('button', { name: 'Check answer' }));
    // Getting it right on the second try does not change the first-try score.
    fireEvent.click(second.getByRole('button', { name: 'Try again' }));
    fireEvent.click(second.getByRole('radio', { name: 'False' }));
    fireEvent.click(second.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByText(/Your score: 1 of 2 right at the first try\./)).toBeTruthy();
  });
});

describe('the exam', () => {
  const objectives = [
    { id: 'attach-in-same-az', text: 'Explain why a volume attaches only in its own zone.' },
    { id: 'separate-compute-storage', text: 'Tell compute apart from storage.' },
    { id: 'predict-stop-terminate', text: 'Predict what stop and terminate do.' },
    { id: 'explain-region-az', text: 'Explain Regions and zones.' },
  ];

  test('reveals nothing until finished, then scores per objective and reviews every answer', async () => {
    render(<Exam lessons={[{ lesson, objectives, questions: [single, claim, multiple] }]} />);
    expect(screen.queryByRole('button', { name: 'Check answer' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /ZoneMismatch/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'True' }));
    expect(screen.getByText('2 of 3 answered.')).toBeTruthy();
    expect(screen.queryByText('Volumes attach only within their zone.')).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Finish and see your results' })));
    expect(screen.getByRole('heading', { name: 'Your results' })).toBeTruthy();
    expect(screen.getByText('You answered 1 of 3 questions right (33%).')).toBeTruthy();
    const row = (id: string) => document.querySelector(`[data-objective="${id}"]`) as HTMLElement;
    expect(within(row('attach-in-same-az')).getByText('Explain why a volume attaches only in its own zone.')).toBeTruthy();
    expect(row('attach-in-same-az').textContent).toMatch(/1 of 1/);
    expect(row('separate-compute-storage').textContent).toMatch(/0 of 1/);
    expect(row('predict-stop-terminate').textContent).toMatch(/0 of 1/);
    expect(row('explain-region-az')).toBeNull(); // no question checks it
    expect(within(row('separate-compute-storage')).getByRole('link', { name: 'revisit' }).getAttribute('href')).toBe('/lessons/where-your-data-lives/');

    // The review: the learner's answer, the right one and every option's explanation.
    expect(screen.getByText('Volumes attach only within their zone.')).toBeTruthy();
    expect(screen.getByText('There is no cross-zone attachment at all.')).toBeTruthy();
    expect(screen.getByText('Instance store data is lost on stop.')).toBeTruthy();
    expect(screen.getByText('not answered')).toBeTruthy();
    // Only the answers given are recorded, as exam answers.
    await waitFor(() => expect(recordAnswer).toHaveBeenCalledTimes(2));
    expect(recordAnswer.mock.calls.map(([a]) => [a.questionId, a.source, a.correct])).toEqual([
      ['attach-across-azs', 'exam', true],
      ['software-in-instance', 'exam', false],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Take the exam again' }));
    expect(screen.getByText('0 of 3 answered.')).toBeTruthy();
  });
});

describe('grading helpers', () => {
  test('an order question never starts in its answer, and the same question always starts the same way', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 8 }), (id, items) => {
        const start = scrambledOrder(id, items);
        expect([...start].sort()).toEqual([...items].sort());
        expect(start).not.toEqual(items);
        expect(scrambledOrder(id, items)).toEqual(start);
      }),
    );
  });

  test('moving past either end of the list changes nothing', () => {
    expect(moveItem(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });
});
