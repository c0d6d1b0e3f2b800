/**
 * The AWS CLI engine of the Lab loads in two parts, neither with the page, so a reader who scrolls
 * past a lab never downloads them:
 * - commands.ts (formatCall: the command line shown for every action; Tab completion) on the
 *   learner's first interaction with a lab (pointer or focus inside it);
 * - terminal.ts (the parser and runner) when the learner first runs a typed command.
 */
import { useSyncExternalStore } from 'react';

export type CliEngine = typeof import('./commands.ts');
export type CommandRunner = typeof import('./terminal.ts');

interface Lazy<T> {
  load: () => Promise<T>;
  current: () => T | null;
  subscribe: (listener: () => void) => () => void;
}

function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  return {
    load() {
      loading ??= importer().then(
        (module) => {
          value = module;
          for (const listener of listeners) listener();
          return module;
        },
        (error: unknown) => {
          // A failed download (offline) may succeed on the next try.
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    current: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const engine = lazy(() => import('./commands.ts'));
const runner = lazy(() => import('./terminal.ts'));

export const loadCli = engine.load;
export const loadRunner = runner.load;

/** The engine once loaded, else null (the component re-renders when it arrives). */
export function useCli(): CliEngine | null {
  return useSyncExternalStore(engine.subscribe, engine.current, () => null);
}
