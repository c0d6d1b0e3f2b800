/**
 * Solved marks on the challenge list: each `[data-challenge-mark="<id>"]` element shows what the
 * progress store (this browser only) says about that challenge, and follows it when another tab
 * solves one. A small script rather than an island: the list stays a text page.
 */
import { getProgress, subscribe } from '../../progress/index';
import type { ChallengeRecord } from '../../progress/index';

function describe(record: ChallengeRecord | undefined): { state: string; text: string } | null {
  if (record === undefined) return null;
  if (!record.solved) return { state: 'tried', text: 'Tried, not solved yet' };
  const best = record.bestCalls === undefined ? '' : ` in ${record.bestCalls} ${record.bestCalls === 1 ? 'call' : 'calls'}`;
  return { state: 'solved', text: `Solved${best} (reference: ${record.referenceCalls})` };
}

export function showChallengeMarks(root: ParentNode = document): () => void {
  const render = () => {
    const { challenges } = getProgress();
    for (const mark of root.querySelectorAll<HTMLElement>('[data-challenge-mark]')) {
      const shown = describe(challenges[mark.dataset['challengeMark'] ?? '']);
      mark.hidden = shown === null;
      if (shown === null) {
        delete mark.dataset['state'];
        mark.replaceChildren();
        continue;
      }
      mark.dataset['state'] = shown.state;
      const icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = shown.state === 'solved' ? '✓ ' : '○ ';
      mark.replaceChildren(icon, shown.text);
    }
  };
  render();
  return subscribe(render);
}
