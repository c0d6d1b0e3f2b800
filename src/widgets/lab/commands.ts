/**
 * The Lab's light use of the AWS CLI, kept out of React: formatCall for the command behind every
 * click, and completion of the word before the caret in the terminal. Loaded through cli.ts on the
 * learner's first interaction with a lab; running typed text is terminal.ts, loaded on first use.
 */
import { completeOperation, completeOption, completeResourceId, completeWaiter } from '../../cli/complete.ts';
import { SIM_COMMANDS } from '../../cli/simcommands.ts';
import type { World } from '../../sim/index.ts';

export { formatCall } from '../../cli/format-call.ts';

export interface Completion {
  /** Where the word being completed starts and ends in the text. */
  start: number;
  end: number;
  candidates: string[];
}

const ID_PREFIX = /^(i|vol|snap|ami)-/;

/**
 * Candidates for the word ending at the caret: `aws`/`sim` first, then operation or sim command
 * names, waiter names after `wait`, option names after an operation, resource ids elsewhere.
 */
export function complete(world: World, text: string, caret: number): Completion {
  const before = text.slice(0, caret);
  const start = before.search(/\S*$/);
  const word = before.slice(start);
  // Words of the current command only: a backslash-newline continues it, a plain newline ends it.
  const line = before.slice(0, start).replace(/\\\n/g, ' ').split('\n').pop() ?? '';
  const words = line.trim() === '' ? [] : line.trim().split(/\s+/);
  const result = (candidates: string[]): Completion => ({ start, end: caret, candidates });
  if (words.length === 0) return result(['aws', 'sim'].filter((w) => w.startsWith(word)));
  if (words[0] === 'sim') {
    if (words.length === 1) return result(SIM_COMMANDS.map((c) => c.name).filter((n) => n.startsWith(word)));
    return result(completeResourceId(world, word).filter((id) => id.startsWith('i-')));
  }
  if (words[0] !== 'aws') return result([]);
  if (words.length === 1) return result('ec2'.startsWith(word) ? ['ec2'] : []);
  if (words[1] !== 'ec2') return result([]);
  if (words.length === 2) return result(completeOperation(word));
  const waiter = words[2] === 'wait';
  if (waiter && words.length === 3) return result(completeWaiter(word));
  const operation = waiter ? (words[3] ?? '') : (words[2] ?? '');
  if (word.startsWith('-')) return result(completeOption(operation, word));
  if (word === '' || ID_PREFIX.test(word) || /^(i|v|vo|s|sn|sna|a|am)$/.test(word)) return result(completeResourceId(world, word));
  return result([]);
}

/** The longest text every candidate starts with. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0] as string;
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
