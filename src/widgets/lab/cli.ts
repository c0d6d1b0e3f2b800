/**
 * The AWS CLI engine of the Lab loads in parts, none with the page, so a reader who scrolls past a
 * lab never downloads them:
 * - completion.ts (Tab completion) when the terminal's prompt is first focused;
 * - terminal.ts (the parser and runner) when the learner first runs a typed command;
 * - formatCall, the command line each action form shows, with the forms (Inspector.tsx loads them
 *   when a resource is selected or a form is opened).
 */
import { useSyncExternalStore } from 'react';

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

const runner = lazy(() => import('./terminal.ts'));
const completer = lazy(() => import('./completion.ts'));

export const loadRunner = runner.load;
/** The command runner if it has loaded, else null (then a typed command waits for loadRunner). */
export const loadedRunner = runner.current;
export const loadCompletion = completer.load;

/** Tab completion once loaded, else null (the component re-renders when it arrives). */
export function useCompletion(): Completer | null {
  return useSyncExternalStore(completer.subscribe, completer.current, () => null);
}
