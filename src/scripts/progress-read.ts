/**
 * Marks the lesson read once the learner reaches its recap (or, in a lesson without one, its
 * list of AWS documentation), and says so to screen readers.
 */
import { getProgress, markLessonRead } from '~/progress';

const slug = document.querySelector<HTMLElement>('article[data-lesson]')?.dataset.lesson;
const end = document.getElementById('recap') ?? document.getElementById('aws-documentation');

if (slug && end && !getProgress().lessons[slug] && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    markLessonRead(slug);
    const announce = document.querySelector('[data-progress-announce]');
    if (announce) announce.textContent = 'Lesson marked as read.';
  });
  observer.observe(end);
}
