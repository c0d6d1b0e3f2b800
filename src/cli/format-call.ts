// formatCall: the inverse of parsing. A simulator call printed as the `aws ec2 ...` (or `sim ...`)
// command line that makes it, so the lab can show every click as the command a learner could type.
// Structures use shorthand when every value survives it unquoted, and JSON otherwise.
import { quote } from 'shlex';
import { DEFAULT_REGION } from '../sim/catalog.ts';
import { looksLikeOption } from './argparse-option.ts';
import { OPERATION_BY_ACTION, kebab, type OperationDef } from './operations.ts';
import type { Shape } from './shapes.ts';
import { SIM_COMMAND_BY_ACTION } from './simcommands.ts';

export interface CallLike {
  readonly action: string;
  readonly region?: string;
  readonly params?: Record<string, unknown>;
}

const SHORTHAND_SAFE = /^[A-Za-z0-9_.:/@+*-]+$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A value as shorthand, or null when shorthand cannot carry it unchanged. */
function shorthand(value: unknown, nested: boolean): string | null {
  if (typeof value === 'string') return SHORTHAND_SAFE.test(value) ? value : null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    const items = value.map((v) => {
      const item = shorthand(v, true);
      return item !== null && isRecord(v) ? `{${item}}` : item;
    });
    if (items.some((i) => i === null)) return null;
    // At the top level `Values=a,b` reads as a list; inside braces only `[a,b]` does.
    return !nested && value.every((v) => !isRecord(v) && !Array.isArray(v)) && value.length > 1
      ? items.join(',')
      : `[${items.join(',')}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 || entries.some(([k]) => !/^[A-Za-z0-9]+$/.test(k))) return null;
    const parts = entries.map(([k, v]) => {
      const s = isRecord(v) ? shorthand(v, true) : shorthand(v, nested);
      return s === null ? null : `${k}=${isRecord(v) ? `{${s}}` : s}`;
    });
    return parts.some((p) => p === null) ? null : parts.join(',');
  }
  return null;
}

function jsonWord(value: unknown): string {
  return quote(JSON.stringify(value));
}

function structureWords(value: unknown): string[] {
  const s = shorthand(value, false);
  return [s === null ? jsonWord(value) : quote(s)];
}

/** The words after `--name`; a value that argparse would take for an option needs `--name=value`. */
function optionWords(name: string, shape: Shape, value: unknown): string[] {
  const bare = bareValue(shape, value);
  if (bare === null && (shape.type === 'list' || shape.type === 'structure')) return [`--${name}`, ...valueWords(shape, value)];
  const text = bare ?? String(value);
  return looksLikeOption(text) ? [`--${name}=${quote(text)}`] : [`--${name}`, quote(text)];
}

/** `{Value: "x"}` of a one-member Value structure is written as plain `x` when the CLI reads it back so. */
function bareValue(shape: Shape, value: unknown): string | null {
  if (shape.type !== 'structure' || !isRecord(value)) return null;
  const keys = Object.keys(shape.members);
  const v = value['Value'];
  if (keys.length !== 1 || keys[0] !== 'Value' || Object.keys(value).length !== 1 || typeof v !== 'string') return null;
  return v.includes('=') || /^\s*[[{]/.test(v) ? null : v;
}

function valueWords(shape: Shape, value: unknown): string[] {
  if (shape.type === 'list') {
    const items = Array.isArray(value) ? value : [value];
    if (shape.member.type === 'structure' || shape.member.type === 'list') {
      const parts = items.map((item) => shorthand(item, false));
      return parts.every((p) => p !== null) ? parts.map((p) => quote(p as string)) : [jsonWord(items)];
    }
    const texts = items.map((item) => String(item));
    const ambiguous = texts.some(looksLikeOption) || (texts.length === 1 && (texts[0] ?? '').trim().startsWith('['));
    return ambiguous ? [jsonWord(items)] : texts.map((t) => quote(t));
  }
  if (shape.type === 'structure') return structureWords(value);
  return [quote(String(value))];
}

/** A parameter the table does not know, printed the way the CLI would name it. */
function genericWords(param: string, value: unknown): string[] {
  const name = `--${kebab(param)}`;
  if (typeof value === 'boolean') return [value ? name : `--no-${kebab(param)}`];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return [name, ...value.map((v) => quote(v))];
  if (typeof value === 'string' || typeof value === 'number') return [name, quote(String(value))];
  return [name, ...structureWords(value)];
}

function countWords(params: Record<string, unknown>): string[] {
  const min = params['MinCount'];
  const max = params['MaxCount'];
  if ((min === undefined || min === 1) && (max === undefined || max === 1)) return [];
  if (min === max || max === undefined) return ['--count', String(min)];
  return ['--count', `${String(min ?? 1)}:${String(max)}`];
}

function apiWords(op: OperationDef, params: Record<string, unknown>): string[] {
  const words = ['aws', 'ec2', op.name];
  const used = new Set<string>();
  for (const o of op.options) {
    if (o.custom === 'count') {
      words.push(...countWords(params));
      used.add('MinCount').add('MaxCount');
      continue;
    }
    if (!(o.param in params)) continue;
    used.add(o.param);
    const raw = params[o.param];
    const value = o.wrap === 'Value' && isRecord(raw) ? raw['Value'] : raw;
    if (value === undefined || value === null) continue;
    if (o.shape.type === 'boolean') {
      if (value === true) words.push(`--${o.name}`);
      else if (value === false && o.negative !== undefined) words.push(`--${o.negative}`);
      continue;
    }
    words.push(...optionWords(o.name, o.shape, value));
  }
  for (const [param, value] of Object.entries(params)) {
    if (!used.has(param) && value !== undefined && value !== null) words.push(...genericWords(param, value));
  }
  return words;
}

export function formatCall(call: CallLike): string {
  const params = call.params ?? {};
  const sim = SIM_COMMAND_BY_ACTION.get(call.action);
  if (sim !== undefined) {
    const args = sim.args.filter((a) => params[a.param] !== undefined).map((a) => quote(String(params[a.param])));
    return ['sim', sim.name, ...args].join(' ');
  }
  const op = OPERATION_BY_ACTION.get(call.action);
  const words = op === undefined
    ? ['aws', 'ec2', kebab(call.action), ...Object.entries(params).flatMap(([k, v]) => genericWords(k, v))]
    : apiWords(op, params);
  if (call.region !== undefined && call.region !== DEFAULT_REGION) words.push('--region', call.region);
  return words.join(' ');
}
