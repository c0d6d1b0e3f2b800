/**
 * Progress shown on text pages (the home page's lesson list, the lesson sidebar) by plain DOM
 * code, no framework: these pages ship at most 15 KB of JavaScript (src/scripts/progress-page.ts
 * loads this module only when there is progress to show). Marks are words and a
 * symbol, never colour alone, and a screen reader hears them as words.
 *
 * Markup read: `[data-progress-lesson="<slug>"]` (optionally `data-quiz-questions="<id> <id>"`)
 * containing an empty `[data-progress-mark]`; `[data-progress-notice]` for messages.
 */
import { acknowledgeRecovery, answerKey, getProgress, statusMessage, subscribe, type Progress } from '~/progress';

export interface LessonMark {
  read: boolean;
  /** Latest answers to the lesson's quiz: how many are correct, out of how many questions. */
  quiz?: { correct: number; total: number; answered: number };
}

export function lessonMark(progress: Progress, slug: string, questionIds: readonly string[]): LessonMark {
  const mark: LessonMark = { read: progress.lessons[slug] !== undefined };
  const answers = questionIds.map((id) => progress.answers[answerKey(slug, id)]).filter((a) => a !== undefined);
  if (answers.length > 0) {
    mark.quiz = { correct: answers.filter((a) => a.last.correct).length, total: questionIds.length, answered: answers.length };
  }
  return mark;
}

function span(text: string, attributes: Record<string, string> = {}): HTMLSpanElement {
  const element = document.createElement('span');
  element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** Fills every lesson's mark: "✓ Read · Quiz 4/6", heard as "Read, quiz: 4 of 6 correct". */
export function renderMarks(root: ParentNode, progress: Progress): void {
  for (const item of root.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
    const target = item.querySelector<HTMLElement>('[data-progress-mark]');
    if (!target) continue;
    const questions = (item.dataset.quizQuestions ?? '').split(' ').filter(Boolean);
    const mark = lessonMark(progress, item.dataset.progressLesson ?? '', questions);
    const parts: Node[] = [];
    if (mark.read) {
      parts.push(span('✓ ', { 'aria-hidden': 'true' }), document.createTextNode('Read'));
    }
    if (mark.quiz) {
      const { correct, total } = mark.quiz;
      if (parts.length > 0) parts.push(span(' · ', { 'aria-hidden': 'true' }), span(', ', { class: 'visually-hidden' }));
      parts.push(span(`Quiz ${correct}/${total}`, { 'aria-hidden': 'true' }), span(`quiz: ${correct} of ${total} correct`, { class: 'visually-hidden' }));
    }
    target.replaceChildren(...parts);
    target.hidden = parts.length === 0;
    item.dataset.progressRead = String(mark.read);
  }
}

export interface NoticeActions {
  acknowledge: () => void;
}

/**
 * Says when saved progress could not be read (and a copy was kept), or cannot be saved here.
 * The recovery message stays, across pages and reloads, until the learner dismisses it.
 */
export function renderNotice(container: HTMLElement, progress: Progress, actions: NoticeActions): void {
  const { recovery } = progress.status;
  const message = statusMessage(progress.status);
  if (!message || container.dataset.dismissed === message) {
    container.replaceChildren();
    container.hidden = true;
    return;
  }
  if (container.dataset.shown === message) return;
  container.dataset.shown = message;
  const box = document.createElement('div');
  box.className = 'progress-notice';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = message;
  const row = document.createElement('p');
  row.className = 'progress-notice__actions';
  if (!location.pathname.startsWith('/progress/')) {
    const link = document.createElement('a');
    link.href = '/progress/#your-data';
    link.textContent = 'Open the Progress page';
    row.append(link, ' ');
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => {
    container.dataset.dismissed = message;
    delete container.dataset.shown;
    if (recovery) actions.acknowledge();
    container.replaceChildren();
    container.hidden = true;
    document.getElementById('main')?.focus();
  });
  row.append(dismiss);
  box.append(text, row);
  container.replaceChildren(box);
  container.hidden = false;
}

function render() {
  const progress = getProgress();
  renderMarks(document, progress);
  for (const container of document.querySelectorAll<HTMLElement>('[data-progress-notice]')) {
    renderNotice(container, progress, { acknowledge: acknowledgeRecovery });
  }
}

let showing = false;

/** Draws this page's marks and messages, and keeps them current (this tab or another). */
export function showProgress(): void {
  if (showing) return;
  showing = true;
  render();
  subscribe(render);
}
