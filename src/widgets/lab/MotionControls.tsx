/**
 * Speed, pause and finish for the diagram's motion. The drawing moves by CSS only, so the
 * browser's animation API reaches all of it: every animation running inside `scope` takes the
 * chosen rate and pause, including those the latest render started (`version` changes with each
 * drawn state). Finishing jumps each animation to its end, which is the model's state. Under
 * prefers-reduced-motion nothing moves, and the stylesheet shows a note in place of the controls.
 */
import { useId, useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

const RATES = [0.25, 0.5, 1, 2] as const;

function animationsIn(scope: Element | null): Animation[] {
  // Not every environment implements the API (test DOMs): then there is nothing to control.
  return scope !== null && typeof scope.getAnimations === 'function' ? scope.getAnimations({ subtree: true }) : [];
}

export function MotionControls({ scope, version }: { scope: RefObject<Element | null>; version: unknown }) {
  const [rate, setRate] = useState<number>(1);
  const [paused, setPaused] = useState(false);
  const id = useId();
  useLayoutEffect(() => {
    for (const animation of animationsIn(scope.current)) {
      animation.playbackRate = rate;
      if (paused) animation.pause();
      else if (animation.playState === 'paused') animation.play();
    }
  }, [scope, version, rate, paused]);
  return (
    <div className="lab-motion" role="group" aria-label="Animation">
      <p className="lab-motion__reduced lab-field__hint">Animations are off: your system asks for reduced motion.</p>
      <label htmlFor={`${id}-rate`}>Animation speed</label>
      <select id={`${id}-rate`} value={rate} onChange={(e) => setRate(Number(e.target.value))}>
        {RATES.map((r) => (
          <option key={r} value={r}>
            {r}×
          </option>
        ))}
      </select>
      <button type="button" className="button" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
        Pause animations
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          for (const animation of animationsIn(scope.current)) animation.finish();
        }}
      >
        Finish animations
      </button>
    </div>
  );
}
