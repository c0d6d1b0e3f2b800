/**
 * Progress on text pages (home, lessons), within their 15 KB of JavaScript, and the notice about saved
 * progress on the challenges and the exam: this small script is all that loads up front. The store and the code that draws
 * marks load only when there is saved progress to show, or when the learner reaches a lesson's recap,
 * which marks the lesson read (in a lesson without a recap: its list of AWS documentation).
 */
import { BACKUP_KEY, STORAGE_KEY } from '~/progress/keys';

// A failed load (offline, a deploy replaced the chunk) only costs the marks, which are an extra.
const ignore = () => undefined;
const showProgress = () =>
  import('~/widgets/progress/marks').then(({ showProgress: show }) => show()).catch(ignore);

function hasSavedProgress(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null || localStorage.getItem(BACKUP_KEY) !== null;
  } catch {
    return true; // Storage is blocked: the store says so, and the marks show that message.
  }
}

if (hasSavedProgress()) void showProgress();

const slug = document.querySelector<HTMLElement>('article[data-lesson]')?.dataset.lesson;
const end = document.getElementById('recap') ?? document.getElementById('aws-documentation');
if (slug && end && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    void import('~/progress')
      .then(({ getProgress, markLessonRead }) => {
        if (getProgress().lessons[slug]) return;
        markLessonRead(slug);
        const announce = document.querySelector('[data-progress-announce]');
        if (announce) announce.textContent = 'Lesson marked as read.';
        void showProgress();
      })
      .catch(ignore);
  });
  observer.observe(end);
}
