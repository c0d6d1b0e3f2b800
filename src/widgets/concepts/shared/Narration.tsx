/**
 * What just happened, for both concept widgets: the widget's own explanation of the last change
 * (which blocks moved, what a snapshot holds) and the simulator's narration of its events, each in
 * an aria-live region so a screen reader hears every change.
 */
import { useSelector } from '@xstate/react';
import { selectNarration } from '../../../sim/actor/index.ts';
import type { SimulatorActor } from '../../lab/actor.ts';
import { WithWholeIds } from '../../shared/WithWholeIds.tsx';

export function Narration({ actor, explanation }: { actor: SimulatorActor; explanation: string | null }) {
  const recent = useSelector(actor, selectNarration).slice(-3);
  return (
    // A group, not a region: the page's lab has its own "What just happened" landmark.
    <div className="cw-narration" role="group" aria-label="What just happened">
      <p className="cw-narration__explain" aria-live="polite" aria-atomic="true">
        {/* Nothing inside while there is nothing to say, so the box stays :empty (hidden). Ids stay whole. */}
        {explanation === null || explanation === '' ? null : <WithWholeIds text={explanation} />}
      </p>
      <ol className="cw-narration__events" aria-live="polite" aria-relevant="additions">
        {recent.map((item) => (
          <li key={item.seq} className={item.kind === 'error' ? 'cw-narration__error' : undefined}>
            <WithWholeIds text={item.message} />
          </li>
        ))}
      </ol>
    </div>
  );
}
