/** Shows the learner's progress on the lesson lists of this page, and any message about saved progress. */
import { acknowledgeRecovery, getProgress, subscribe } from '~/progress';
import { renderMarks, renderNotice } from '~/widgets/progress/marks';

function render() {
  const progress = getProgress();
  renderMarks(document, progress);
  for (const container of document.querySelectorAll<HTMLElement>('[data-progress-notice]')) {
    renderNotice(container, progress, { acknowledge: acknowledgeRecovery });
  }
}

render();
subscribe(render);
