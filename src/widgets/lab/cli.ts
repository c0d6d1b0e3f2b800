/**
 * The AWS CLI engine of the Lab loads in two parts, neither with the page, so a reader who scrolls
 * past a lab never downloads them:
 * - commands.ts (formatCall: the command line shown for every action) on the learner's first
 *   interaction with a lab (pointer or focus inside it);
 * - completion.ts (Tab completion) when the terminal's prompt is first focused;
 * - terminal.ts (the parser and runner) when the learner first runs a typed command.
 */
import { useSyncExternalStore } from 'react';

export type CliEngine = typeof import('./commands.ts');
export type CommandRunner = typeof import('./terminal.ts');
export type Completer = typeof import('./completion.ts');

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
const completer = lazy(() => import('./completion.ts'));

export const loadCli = engine.load;
export const loadRunner = runner.load;
export const loadCompletion = completer.load;

/** The engine once loaded, else null (the component re-renders when it arrives). */
export function useCli(): CliEngine | null {
  return useSyncExternalStore(engine.subscribe, engine.current, () => null);
}

/** Tab completion once loaded, else null (the component re-renders when it arrives). */
export function useCompletion(): Completer | null {
  return useSyncExternalStore(completer.subscribe, completer.current, () => null);
}
