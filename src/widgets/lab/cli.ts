/**
 * The AWS CLI engine of the Lab (parser, formatter, JMESPath, completion: the command line shown
 * for every action and the terminal) loads when the learner first interacts with a lab (pointer
 * or focus inside it), not with the page: a reader who scrolls past a lab never downloads it.
 */
import { useSyncExternalStore } from 'react';

export type CliEngine = typeof import('./terminal.ts');

let engine: CliEngine | null = null;
let loading: Promise<CliEngine> | null = null;
const listeners = new Set<() => void>();

export function loadCli(): Promise<CliEngine> {
  loading ??= import('./terminal.ts').then(
    (module) => {
      engine = module;
      for (const listener of listeners) listener();
      return module;
    },
    (error: unknown) => {
      // A failed download (offline) may succeed on the next interaction.
      loading = null;
      throw error;
    },
  );
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The engine once loaded, else null (the component re-renders when it arrives). */
export function useCli(): CliEngine | null {
  return useSyncExternalStore(subscribe, () => engine, () => null);
}
