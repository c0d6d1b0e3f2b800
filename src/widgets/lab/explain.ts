/**
 * The plain-language explanation of a refused call (explanations.ts), loaded when a widget first
 * shows an error rather than with the page: `useExplanation` for a component (null until the words
 * arrive, a moment later), `loadExplanations` for an event handler.
 */
import { useEffect, useState } from 'react';

export type Explain = (code: string, operation?: string | null) => string;

let loaded: Explain | null = null;
let loading: Promise<Explain> | null = null;

export function loadExplanations(): Promise<Explain> {
  loading ??= import('./explanations.ts').then(
    (module) => (loaded = module.explainError),
    (error: unknown) => {
      // A failed download (offline) may succeed on the next error shown.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The explanation of `code` (for `operation`), or null while the words load (or when they cannot). */
export function useExplanation(code: string, operation?: string | null, load = true): string | null {
  const [explain, setExplain] = useState<Explain | null>(() => loaded);
  useEffect(() => {
    if (explain !== null || !load) return;
    let live = true;
    loadExplanations().then(
      (e) => live && setExplain(() => e),
      () => {
        // Offline: the code and message stay shown without the explanation.
      },
    );
    return () => {
      live = false;
    };
  }, [explain, load]);
  return explain === null ? null : explain(code, operation);
}
