/**
 * Code that runs inside the page during the site benchmark (Playwright serialises each function, so
 * each one is self-contained). Times are performance.now() values: milliseconds since navigation start.
 */

export interface LabReadiness {
  /** When the lab's island lost its `ssr` attribute (Astro hydrated it). */
  hydratedMs: number | null;
  /** When a keystroke into the terminal was first handled by React (see labReadinessProbe). */
  inputMs: number | null;
}

/**
 * Init script for the lab-readiness run. The lab is `client:visible`, so it first brings the lab into
 * view (a learner who came for the lab goes straight to it). It records when the island loses `ssr`,
 * then, once per frame, types two lines into the terminal the way a keystroke does (value set, `input`
 * event) and checks on the next frame whether React handled it: the prompt grows to two rows only when
 * React's onChange ran. The first accepted keystroke is when the terminal accepts input.
 */
export function labReadinessProbe(): void {
  const state: LabReadiness = { hydratedMs: null, inputMs: null };
  (window as unknown as { __labReadiness: LabReadiness }).__labReadiness = state;
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  const type = (input: HTMLTextAreaElement, text: string) => {
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const start = () => {
    const lab = document.querySelector('.lab');
    const island = lab?.closest('astro-island');
    if (!lab || !island) return;
    lab.scrollIntoView({ block: 'start' });
    const hydrated = () => {
      if (state.hydratedMs === null && !island.hasAttribute('ssr')) state.hydratedMs = performance.now();
    };
    new MutationObserver(hydrated).observe(island, { attributes: true, attributeFilter: ['ssr'] });
    hydrated();
    let typedAt: number | null = null;
    let probes = 0;
    const frame = () => {
      const input = lab.querySelector<HTMLTextAreaElement>('.lab-terminal textarea');
      if (state.hydratedMs !== null && input) {
        if (typedAt !== null && input.rows === 2) {
          state.inputMs = typedAt;
          type(input, '');
          return;
        }
        // A new text each time: React ignores an input event that leaves the value it last saw.
        typedAt = performance.now();
        type(input, `probe ${++probes}\nprobe`);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/**
 * Arms one click measurement: resolves with the time from the `click` event (its timeStamp: when the
 * browser received the input) to the first requestAnimationFrame callback after the text twin (the
 * lab's resource table) changed. Stored on window so the caller can click, then collect.
 */
export function armClickToFrame(): void {
  const table = [...document.querySelectorAll('.lab table')].find((t) => t.querySelector('caption')?.textContent?.startsWith('Resources in the account'));
  const w = window as unknown as { __clickToFrame: Promise<number> };
  w.__clickToFrame = new Promise<number>((resolve, reject) => {
    if (!table) {
      reject(new Error('the lab has no resource table (caption "Resources in the account")'));
      return;
    }
    const before = table.outerHTML;
    let clickAt: number | null = null;
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(clickAt === null ? 'no click arrived' : 'the text twin did not change within 10 s of the click'));
    }, 10_000);
    function check() {
      if (clickAt === null || table!.outerHTML === before) return;
      observer.disconnect();
      clearTimeout(timer);
      const from = clickAt;
      requestAnimationFrame(() => resolve(performance.now() - from));
    }
    document.addEventListener(
      'click',
      (event) => {
        clickAt = event.timeStamp;
        check();
      },
      { capture: true, once: true },
    );
    observer.observe(table, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export function collectClickToFrame(): Promise<number> {
  return (window as unknown as { __clickToFrame: Promise<number> }).__clickToFrame;
}
