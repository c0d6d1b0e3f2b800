/**
 * Tab completion in the Lab terminal: the word before the caret completed from the CLI's tables and
 * the World. Loaded through cli.ts when the terminal's prompt is first focused.
 */
import { completeOperation, completeOption, completeResourceId, completeWaiter } from '../../cli/complete.ts';
import { VOLUME_TYPES } from '../../cli/shapes.ts';
import { SIM_COMMANDS } from '../../cli/simcommands.ts';
import { AVAILABILITY_ZONES, INSTANCE_TYPES, REGIONS } from '../../sim/index.ts';
import type { RegionName, World } from '../../sim/index.ts';

export interface Completion {
  /** Where the word being completed starts and ends in the text. */
  start: number;
  end: number;
  candidates: string[];
}

const ID_PREFIX = /^(i|vol|snap|ami)-/;

/** Resource kinds by the id prefix an option's name asks for (`--instance-ids`, `--source-snapshot-id`). */
const ID_OPTIONS: ReadonlyArray<[RegExp, string]> = [
  [/instance-ids?$/, 'i-'],
  [/volume-ids?$/, 'vol-'],
  [/snapshot-ids?$/, 'snap-'],
  [/image-ids?$/, 'ami-'],
];

/**
 * Values for the option the word is given to: ids of the right kind, the Region's Availability
 * Zones, volume and instance types, output formats, Regions. Null when the option takes free text.
 * `words` are the command's words before the one being completed.
 */
function optionValues(world: World, words: readonly string[]): string[] | null {
  // The option the word belongs to: the last one before it (list options take several values).
  const at = words.findLastIndex((w) => w.startsWith('--'));
  const option = at < 0 ? undefined : words[at]?.slice(2);
  if (option === undefined) return null;
  const listed = option.endsWith('s') || option === 'filters';
  if (at !== words.length - 1 && !listed) return null;
  const regionAt = words.indexOf('--region');
  const region = (REGIONS as readonly string[]).find((r) => r === words[regionAt + 1]) as RegionName | undefined;
  const zones = AVAILABILITY_ZONES[region ?? 'us-east-1'];
  const kind = ID_OPTIONS.find(([pattern]) => pattern.test(option))?.[1];
  if (kind !== undefined) return completeResourceId(world, kind);
  switch (option) {
    case 'availability-zone':
      return [...zones];
    case 'placement':
      return zones.map((zone) => `AvailabilityZone=${zone}`);
    case 'volume-type':
      return [...VOLUME_TYPES];
    case 'instance-type':
      return [...INSTANCE_TYPES];
    case 'output':
      return ['json', 'table', 'text'];
    case 'region':
    case 'source-region':
      return [...REGIONS];
    default:
      return null;
  }
}

/**
 * Candidates for the word ending at the caret: `aws`/`sim` first, then operation or sim command
 * names, waiter names after `wait`, option names after an operation, an option's values after it
 * (ids of the right kind, Availability Zones, types), resource ids elsewhere.
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
  const values = optionValues(world, words);
  if (values !== null) return result(values.filter((v) => v.startsWith(word)));
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
