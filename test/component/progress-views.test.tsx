/** The review and progress-summary islands over the real progress store in happy-dom's localStorage. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getProgress, STORAGE_KEY } from '../../src/progress/index';
import { questionSchema } from '../../src/schemas/quiz';
import ProgressApp from '../../src/widgets/progress/ProgressApp';
import ReviewApp, { type ReviewBank } from '../../src/widgets/progress/ReviewApp';
import type { QuestionData } from '../../src/widgets/quiz/types';
import { fakeReference } from '../unit/schemas/helpers';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.now();

const question = questionSchema(fakeReference).parse({
  id: 'attach-across-azs',
  kind: 'single',
  objectives: ['attach-in-same-az'],
  prompt: 'A volume in us-east-1a is attached to an instance in us-east-1b. What happens?',
  options: [
    { id: 'zone-mismatch', text: 'It fails with InvalidVolume.ZoneMismatch.', correct: true, explanation: 'Volumes attach only within their zone.' },
    { id: 'works', text: 'It attaches across zones.', explanation: 'There is no cross-zone attachment at all.' },
  ],
}) as QuestionData;

const lesson = { slug: 'where-your-data-lives', title: 'Where your data lives' };
const bank: ReviewBank = {
  questions: { 'where-your-data-lives/attach-across-azs': { bank: 'quiz', lesson, question } },
  challenges: {
    'keep-the-data-volume': { title: 'Keep the data volume', difficulty: 'Beginner', brief: 'Terminate web-server but keep web-data.', href: '/challenges/keep-the-data-volume/' },
  },
};

const missed = (at: number) => ({
  'question:where-your-data-lives/attach-across-azs': {
    kind: 'question',
    lesson: 'where-your-data-lives',
    questionId: 'attach-across-azs',
    log: [{ at, rating: 1 }],
  },
});

/** Puts a record in storage as another tab would, and lets the store hear of it. */
function store(record: object | null) {
  act(() => {
    if (record === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, ...record }));
    const event = new Event('storage');
    Object.defineProperty(event, 'key', { value: STORAGE_KEY });
    window.dispatchEvent(event);
  });
}

beforeEach(() => store(null));
afterEach(cleanup);

describe('review view', () => {
  test('explains how items get here when there is nothing to review', async () => {
    render(<ReviewApp bank={bank} />);
    expect(await screen.findByText(/Nothing to review yet\./)).toBeTruthy();
  });

  test('shows a due question; a right answer reschedules it, and the learner can call it easy', async () => {
    store({ review: missed(NOW - 2 * DAY) });
    render(<ReviewApp bank={bank} now={() => NOW} />);
    const item = await screen.findByRole('region', { name: 'Quiz question, Where your data lives' });
    expect(within(item).getByText('First review since you missed it.', { exact: false })).toBeTruthy();
    fireEvent.click(within(item).getByRole('radio', { name: /ZoneMismatch/ }));
    fireEvent.click(within(item).getByRole('button', { name: 'Check answer' }));
    await waitFor(() => expect(item.querySelector('.review__outcome')?.textContent).toMatch(/^Remembered\. Next review: in \d+ days/));
    const log = () => getProgress().review['question:where-your-data-lives/attach-across-azs']!.log.map((e) => e.rating);
    expect(log()).toEqual([1, 3]);
    const easy = within(item).getByRole('button', { name: 'Easy' });
    fireEvent.click(easy);
    expect(log()).toEqual([1, 4]);
    await waitFor(() => expect(easy.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(within(item).getByRole('button', { name: 'Done' }));
    expect(await screen.findByText('Nothing is due right now.')).toBeTruthy();
    expect(screen.getByRole('table').textContent).toContain('A volume in us-east-1a');
  });

  test('a wrong answer is logged as Again and brings the question back tomorrow', async () => {
    store({ review: missed(NOW - 2 * DAY) });
    render(<ReviewApp bank={bank} now={() => NOW} />);
    const item = await screen.findByRole('region', { name: /Quiz question/ });
    fireEvent.click(within(item).getByRole('radio', { name: /attaches across zones/ }));
    fireEvent.click(within(item).getByRole('button', { name: 'Check answer' }));
    await waitFor(() => expect(item.querySelector('.review__outcome')?.textContent).toMatch(/^Missed, so it comes back soon\. Next review: (tomorrow|in \d+ days)/));
    expect(within(item).queryByRole('group', { name: 'How did it feel?' })).toBeNull();
  });

  test('a due challenge links to its page; an item no longer in the course is counted, not shown', async () => {
    store({
      review: {
        'challenge:keep-the-data-volume': { kind: 'challenge', challengeId: 'keep-the-data-volume', log: [{ at: NOW - 3 * DAY, rating: 1 }] },
        'challenge:removed-one': { kind: 'challenge', challengeId: 'removed-one', log: [{ at: NOW - 3 * DAY, rating: 1 }] },
      },
    });
    render(<ReviewApp bank={bank} now={() => NOW} />);
    expect((await screen.findByRole('link', { name: 'Open the challenge' })).getAttribute('href')).toBe('/challenges/keep-the-data-volume/');
    expect(screen.getByText(/1 saved review item refers to a question or challenge that is no longer in the course/)).toBeTruthy();
  });
});

describe('progress summary view', () => {
  const lessons = [
    {
      slug: 'where-your-data-lives',
      title: 'Where your data lives',
      href: '/lessons/where-your-data-lives/',
      objectives: [
        { id: 'attach-in-same-az', text: 'Explain why a volume attaches only in its own zone.' },
        { id: 'explain-region-az', text: 'Explain Regions and Availability Zones.' },
      ],
      questions: [
        { id: 'attach-across-azs', objectives: ['attach-in-same-az'] },
        { id: 'where-ebs-lives', objectives: ['explain-region-az', 'attach-in-same-az'] },
      ],
    },
  ];
  const challenges = [{ id: 'keep-the-data-volume', title: 'Keep the data volume', difficulty: 'Beginner', href: '/challenges/keep-the-data-volume/' }];
  const mark = (correct: boolean) => ({ correct, at: NOW - DAY, source: 'quiz' });

  test('shows lessons read, scores per objective and challenges with call counts', async () => {
    store({
      lessons: { 'where-your-data-lives': { readAt: Date.UTC(2026, 10, 20) } },
      answers: {
        'where-your-data-lives/attach-across-azs': { lesson: 'where-your-data-lives', questionId: 'attach-across-azs', objectives: [], first: mark(false), last: mark(true) },
        'where-your-data-lives/where-ebs-lives': { lesson: 'where-your-data-lives', questionId: 'where-ebs-lives', objectives: [], first: mark(false), last: mark(false) },
      },
      challenges: { 'keep-the-data-volume': { solved: true, bestCalls: 4, referenceCalls: 2, solvedAt: NOW - DAY, lastAt: NOW - DAY } },
    });
    render(<ProgressApp lessons={lessons} challenges={challenges} now={() => NOW} />);
    const totals = await screen.findByRole('list');
    expect(totals.textContent).toBe('Lessons read: 1 of 1Questions answered: 2 of 2, 1 right at the latest tryChallenges solved: 1 of 1');
    const section = screen.getByRole('region', { name: 'Where your data lives' });
    expect(within(section).getByText(/Read on 20 November 2026/)).toBeTruthy();
    const rows = within(section).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual([
      'ObjectiveYour answers',
      'Explain why a volume attaches only in its own zone.2 of 2 answered, 1 right',
      'Explain Regions and Availability Zones.1 of 1 answered, 0 right',
    ]);
    expect(screen.getByText(/Solved in 4 calls \(reference: 2\)/)).toBeTruthy();
  });

  test('a bad import file is refused with a message and changes nothing; a good one is merged', async () => {
    store({ lessons: { 'where-your-data-lives': { readAt: NOW - DAY } } });
    render(<ProgressApp lessons={lessons} challenges={challenges} now={() => NOW} />);
    const input = (await screen.findByLabelText('Progress file')) as HTMLInputElement;
    const choose = async (text: string, name = 'progress.json') => {
      const file = new File([text], name, { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => {
        fireEvent.change(input);
      });
    };
    await choose('not json at all');
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a progress export .*Nothing was changed\./);
    expect(Object.keys(getProgress().lessons)).toEqual(['where-your-data-lives']);

    const other = { ...getProgress(), lessons: { snapshots: { readAt: NOW - 2 * DAY } } };
    await choose(JSON.stringify({ format: 'ami-snapshot-lab-progress', exportedAt: new Date(NOW).toISOString(), progress: { ...other, status: undefined } }));
    expect((await screen.findByText(/progress\.json holds 1 lesson read/)).textContent).toContain('exported on');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(Object.keys(getProgress().lessons).sort()).toEqual(['snapshots', 'where-your-data-lives']);
    expect(screen.getByText('Merged progress.json into the progress in this browser.')).toBeTruthy();
  });
});
