/**
 * The message about saved progress that could not be read, on a challenge page: the lab's island
 * resets the unreadable record (keeping a copy) as it starts, and the page's notice (ProgressNotice.astro,
 * filled by the page's script, src/scripts/progress-page.ts) says so. Also checks that every page that
 * reads or writes progress has that notice and loads the code that fills it.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { parse } from 'yaml';
import { BACKUP_KEY, STORAGE_KEY } from '../../src/progress/index';
import type { GoalRef } from '../../src/sim/goals.ts';
import ChallengeLab from '../../src/widgets/challenge/ChallengeLab.tsx';
import { scenarioSetup } from '../../src/widgets/lab/scenario.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const source = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const readYaml = <T,>(path: string): T => parse(source(`content/${path}`)) as T;

/** The slot exactly as ProgressNotice.astro renders it. */
const SLOT = /<div [^>]*data-progress-notice[^>]*><\/div>/.exec(source('src/widgets/progress/ProgressNotice.astro'))?.[0];

afterEach(cleanup);

test('a challenge page says that its corrupt saved progress was reset and a copy kept, until dismissed', async () => {
  localStorage.setItem(STORAGE_KEY, '{not json');
  expect(SLOT).toBeDefined();
  const notice = document.createElement('div');
  notice.innerHTML = SLOT!;
  document.body.append(notice);

  // The island, as on /challenges/back-up-the-data-volume/: it reads progress as it starts.
  const id = 'back-up-the-data-volume';
  const data = readYaml<{ title: string; scenario: string; goals: GoalRef[]; hints: string[]; solution: string }>(`challenges/${id}.yaml`);
  const scenario = readYaml<{ title: string; script: string }>(`scenarios/${data.scenario}.yaml`);
  const setup = scenarioSetup(scenario.script);
  if (!setup.ok) throw new Error(setup.error);
  render(
    <ChallengeLab
      challenge={{ id, title: data.title, goals: data.goals, hints: data.hints, solution: data.solution, referenceCalls: 1 }}
      goalDescriptions={[]}
      scenarioId={data.scenario}
      scenarioTitle={scenario.title}
      scenarioCalls={setup.calls}
    />,
  );
  await screen.findByRole('region', { name: 'Task' });
  // The record was reset, with a copy of the unreadable text...
  expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toMatchObject({ version: 1, challenges: {} });
  expect(JSON.parse(localStorage.getItem(BACKUP_KEY)!)).toMatchObject({ raw: '{not json', kind: 'reset', acknowledged: false });

  // ...and the page's script says so.
  await import('../../src/scripts/progress-page');
  const alert = await within(notice).findByRole('alert');
  expect(alert.textContent).toContain(
    'Your saved progress could not be read (it is not valid JSON), so it was reset. A copy was kept; you can export it from the Progress page.',
  );
  expect(within(alert).getByRole('link', { name: 'Open the Progress page' }).getAttribute('href')).toBe('/progress/#your-data');
  expect(notice.querySelector<HTMLElement>('[data-progress-notice]')?.hidden).toBe(false);

  fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
  expect(within(notice).queryByRole('alert')).toBeNull();
  expect(JSON.parse(localStorage.getItem(BACKUP_KEY)!)).toMatchObject({ raw: '{not json', acknowledged: true });
  notice.remove();
});

test('every page that reads or writes progress shows the notice about it', () => {
  // Text pages and pages with islands: the ProgressNotice slot, which brings the script that fills it.
  expect(source('src/widgets/progress/ProgressNotice.astro')).toMatch(/<script>\s*import '~\/scripts\/progress-page';\s*<\/script>/);
  for (const path of ['src/pages/index.astro', 'src/layouts/LessonLayout.astro', 'src/pages/exam.astro', 'src/pages/challenges.astro', 'src/pages/challenges/[id].astro']) {
    expect(source(path), path).toContain('<ProgressNotice />');
  }
  // The progress and review pages' islands show it themselves.
  for (const path of ['src/widgets/progress/ProgressApp.tsx', 'src/widgets/progress/ReviewApp.tsx']) {
    expect(source(path), path).toContain('<StatusNotice status={progress.status}>');
  }
});
