// The few behaviours of Python's argparse that decide what a command line means to the AWS
// CLI: `--opt value` and `--opt=value`, unique prefixes of long options, flags, lists that take
// every following word, what counts as an option-like word, and its error messages.
import { looksLikeOption } from './argparse-option.ts';
import { getCloseMatches } from './difflib.ts';
import { pyReprString } from './python.ts';

export interface ArgSpec {
  /** `--volume-id` */
  readonly option: string;
  /** flag: no value (store_true/store_false); one: exactly one value; many: zero or more values. */
  readonly kind: 'flag' | 'one' | 'many';
  /** Which result slot it fills (`--dry-run` and `--no-dry-run` share one). */
  readonly dest: string;
  readonly flagValue?: boolean;
  readonly choices?: readonly string[];
}

export interface ParsedArgs {
  /** dest -> the option string used and its value(s). Later occurrences win, as in argparse. */
  readonly values: Map<string, { option: string; value: string | string[] | boolean }>;
  /** Unrecognised option words and surplus positional words, in argparse's order. */
  readonly extras: string[];
  readonly positionals: string[];
  /** Every word not consumed by a known option, in the original order (what the next parser sees). */
  readonly rest: string[];
}

export class ArgumentError extends Error {}

export { looksLikeOption };

function resolve(word: string, specs: ReadonlyMap<string, ArgSpec>): { spec: ArgSpec; explicit: string | null } | null {
  const exact = specs.get(word);
  if (exact !== undefined) return { spec: exact, explicit: null };
  const eq = word.indexOf('=');
  const name = eq === -1 ? word : word.slice(0, eq);
  const explicit = eq === -1 ? null : word.slice(eq + 1);
  const withValue = specs.get(name);
  if (withValue !== undefined) return { spec: withValue, explicit };
  if (!name.startsWith('--')) return null;
  const candidates = [...specs.keys()].filter((o) => o.startsWith(name));
  if (candidates.length > 1) {
    throw new ArgumentError(`ambiguous option: ${name} could match ${candidates.join(', ')}`);
  }
  const only = candidates[0];
  return only === undefined ? null : { spec: specs.get(only) as ArgSpec, explicit };
}

/** CLIArgParser._check_value: all choices two per line, then close matches. */
export function invalidChoiceMessage(argName: string, value: string, choices: readonly string[]): string {
  const lines = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) {
    lines.push(choices.slice(i, i + 2).map((c) => c.padEnd(40)).join(' | '));
  }
  // The CLI's own cutoff is 0.8; below it the CLI gives no hint, so the simulator offers the
  // closest names it finds at difflib's default cutoff (0.6) instead of none.
  const close = getCloseMatches(value, choices, 3, 0.8);
  const possible = close.length > 0 ? close : getCloseMatches(value, choices, 3, 0.6);
  if (possible.length > 0) {
    lines.push(`\n\nInvalid choice: ${pyReprString(value)}, maybe you meant:\n`);
    for (const w of possible) lines.push(`  * ${w}`);
  }
  return `argument ${argName}: ${lines.join('\n')}`;
}

/**
 * parse_known_args over `words`. Unknown options go to `extras` (with the words after them,
 * which argparse sees as positionals); errors are thrown as ArgumentError with argparse's text.
 */
export function parseKnownArgs(words: readonly string[], specs: ReadonlyMap<string, ArgSpec>): ParsedArgs {
  const values: ParsedArgs['values'] = new Map();
  const extras: string[] = [];
  const positionals: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') {
      positionals.push(...words.slice(i + 1));
      rest.push(...words.slice(i + 1));
      break;
    }
    if (!looksLikeOption(word)) {
      positionals.push(word);
      rest.push(word);
      continue;
    }
    const found = resolve(word, specs);
    if (found === null) {
      extras.push(word);
      rest.push(word);
      continue;
    }
    const { spec, explicit } = found;
    if (spec.kind === 'flag') {
      if (explicit !== null) throw new ArgumentError(`argument ${spec.option}: ignored explicit argument ${pyReprString(explicit)}`);
      values.set(spec.dest, { option: spec.option, value: spec.flagValue ?? true });
      continue;
    }
    if (spec.kind === 'one') {
      let value = explicit;
      if (value === null) {
        const next = words[i + 1];
        if (next === undefined || looksLikeOption(next)) throw new ArgumentError(`argument ${spec.option}: expected one argument`);
        value = next;
        i++;
      }
      if (spec.choices !== undefined && !spec.choices.includes(value)) {
        throw new ArgumentError(invalidChoiceMessage(spec.option, value, spec.choices));
      }
      values.set(spec.dest, { option: spec.option, value });
      continue;
    }
    const list: string[] = explicit === null ? [] : [explicit];
    if (explicit === null) {
      while (i + 1 < words.length && !looksLikeOption(words[i + 1] ?? '') && words[i + 1] !== '--') {
        list.push(words[i + 1] ?? '');
        i++;
      }
    }
    values.set(spec.dest, { option: spec.option, value: list });
  }
  return { values, extras, positionals, rest };
}
