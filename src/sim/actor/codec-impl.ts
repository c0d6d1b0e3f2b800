/**
 * The saved-lab codec's work (see codec.ts for the wire format and the promises it keeps): loaded by
 * codec.ts when a lab is first saved or loaded, so a web page does not download it up front.
 */
// Imports name the defining modules, not ../index.ts, so the public index may re-export this file without a cycle.
import { REGIONS } from '../catalog.ts';
import { ACTION_NAMES, isReadOnlyAction } from '../execute.ts';
import type { RegionName, SimCall, World } from '../types.ts';
import { LOAD_REFUSED, replayCalls } from './history.ts';

import { LOG_FORMAT_VERSION, MAX_CALLS, MAX_DECODED_BYTES, MAX_ENCODED_LENGTH, MAX_PARAMS_DEPTH } from './codec.ts';
import type { DecodeResult, EncodeResult, ReplayedLogResult, SavedLog } from './codec.ts';

const PREFIX = `${LOG_FORMAT_VERSION}.`;
const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Keys that could reach an object's prototype once params are spread or merged downstream. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const KNOWN_ACTIONS = new Set<string>(ACTION_NAMES);
const KNOWN_REGIONS = new Set<string>(REGIONS);

const COPY_AGAIN = 'Check that the whole link or text was copied, or reset the lab to its scenario.';
const NOT_FROM_HERE = 'It was not saved by this site; reset the lab to its scenario instead.';

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

// ---------------------------------------------------------------------------------------------
// Validation (shared by encode and decode, so only what decodes can be encoded)

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks params are plain JSON data; returns a copy without `undefined` members (JSON drops them). */
function checkParams(value: unknown, depth: number, path: string): Checked<unknown> {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : fail(`${path} is not a finite number`);
  }
  if (typeof value !== 'object') return fail(`${path} holds a ${typeof value}, which is not JSON data`);
  if (depth >= MAX_PARAMS_DEPTH) return fail(`${path} is nested more than ${MAX_PARAMS_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = checkParams(value[i], depth + 1, `${path}[${i}]`);
      if (!item.ok) return item;
      out.push(item.value);
    }
    return { ok: true, value: out };
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return fail(`${path} is not a plain object`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return fail(`${path} uses the forbidden key "${key}"`);
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    const checked = checkParams(member, depth + 1, `${path}.${key}`);
    if (!checked.ok) return checked;
    out[key] = checked.value;
  }
  return { ok: true, value: out };
}

function checkCall(action: unknown, params: unknown, region: unknown): Checked<SimCall> {
  if (typeof action !== 'string' || !KNOWN_ACTIONS.has(action)) {
    return fail(`the action ${JSON.stringify(action)} is not one the simulator knows`);
  }
  if (isReadOnlyAction(action)) return fail(`${action} only reads, and read-only calls are never saved`);
  const call: SimCall = { action };
  if (region !== undefined) {
    if (typeof region !== 'string' || !KNOWN_REGIONS.has(region)) {
      return fail(`the Region ${JSON.stringify(region)} is not one of ${REGIONS.join(', ')}`);
    }
    call.region = region as RegionName;
  }
  if (params !== undefined) {
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      return fail('its params are not an object');
    }
    const checked = checkParams(params, 0, 'params');
    if (!checked.ok) return checked;
    call.params = checked.value as Record<string, unknown>;
  }
  return { ok: true, value: call };
}

function checkScenario(scenario: unknown): Checked<string | undefined> {
  if (scenario === undefined) return { ok: true, value: undefined };
  if (typeof scenario === 'string' && SCENARIO_ID.test(scenario)) return { ok: true, value: scenario };
  return fail(`the scenario id ${JSON.stringify(scenario)} is not a valid id`);
}

/** Validates an in-memory log (the encoder's input); returns a normalised copy. */
export function validateLog(log: unknown): Checked<SavedLog> {
  if (log === null || typeof log !== 'object') return fail('The log to save is not an object.');
  const { scenario, calls } = log as { scenario?: unknown; calls?: unknown };
  const checkedScenario = checkScenario(scenario);
  if (!checkedScenario.ok) return fail(`The log to save is invalid: ${checkedScenario.error}.`);
  if (!Array.isArray(calls)) return fail('The log to save has no list of calls.');
  if (calls.length > MAX_CALLS) {
    return fail(`The log has ${calls.length} calls; at most ${MAX_CALLS} can be saved. Reset the lab to shorten it.`);
  }
  const out: SimCall[] = [];
  for (let i = 0; i < calls.length; i++) {
    const raw: unknown = calls[i];
    if (raw === null || typeof raw !== 'object') return fail(`Call ${i + 1} of the log is not an object.`);
    const { action, params, region } = raw as { action?: unknown; params?: unknown; region?: unknown };
    const checked = checkCall(action, params, region);
    if (!checked.ok) return fail(`Call ${i + 1} of the log cannot be saved: ${checked.error}.`);
    out.push(checked.value);
  }
  return { ok: true, value: checkedScenario.value === undefined ? { calls: out } : { scenario: checkedScenario.value, calls: out } };
}

/** Validates the parsed JSON payload of a saved log. */
function readPayload(payload: unknown): DecodeResult {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return fail(`The saved lab does not hold a log. ${NOT_FROM_HERE}`);
  }
  for (const key of Object.keys(payload)) {
    if (key !== 's' && key !== 'c') return fail(`The saved lab has an unexpected field "${key}". ${NOT_FROM_HERE}`);
  }
  const { s, c } = payload as { s?: unknown; c?: unknown };
  const scenario = checkScenario(s);
  if (!scenario.ok) return fail(`The saved lab is invalid: ${scenario.error}. ${NOT_FROM_HERE}`);
  if (!Array.isArray(c)) return fail(`The saved lab has no list of calls. ${NOT_FROM_HERE}`);
  if (c.length > MAX_CALLS) {
    return fail(`The saved lab has ${c.length} calls; at most ${MAX_CALLS} can be loaded. ${NOT_FROM_HERE}`);
  }
  const calls: SimCall[] = [];
  for (let i = 0; i < c.length; i++) {
    const entry: unknown = c[i];
    if (!Array.isArray(entry) || entry.length < 1 || entry.length > 3) {
      return fail(`Call ${i + 1} of the saved lab is malformed. ${NOT_FROM_HERE}`);
    }
    const [action, params, region] = entry as [unknown, unknown, unknown];
    const checked = checkCall(action, params === null && entry.length === 3 ? undefined : params, region);
    if (!checked.ok) {
      return fail(
        `Call ${i + 1} of the saved lab is invalid: ${checked.error}. ` +
          'The link may come from a newer version of the site; reload the page, or reset the lab to its scenario.',
      );
    }
    calls.push(checked.value);
  }
  return { ok: true, log: scenario.value === undefined ? { calls } : { scenario: scenario.value, calls } };
}

// ---------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5, no padding), strict: any other character is an error, not skipped.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE_TABLE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE_TABLE[ALPHABET.charCodeAt(i)] = i;

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(triple >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Returns the bytes, or the 0-based position of the first character that cannot be base64url. */
function fromBase64Url(text: string): Uint8Array | number {
  if (text.length % 4 === 1) return text.length - 1;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (DECODE_TABLE[code] ?? -1) : -1;
    if (value < 0) return i;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Compression (the platform's CompressionStream: browsers and Node 24 alike)

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates at most `limit` bytes; returns null when the data is damaged, 'too-large' past the limit. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | null | 'too-large'> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // Stop inflating now: a decompression bomb must not get to allocate its full size.
        await reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Encodes a log for a permalink or local storage. Fails (never throws) if the log is not saveable. */
export async function encodeLog(log: SavedLog): Promise<EncodeResult> {
  const checked = validateLog(log);
  if (!checked.ok) return checked;
  const compact = checked.value.calls.map((call) => {
    if (call.region !== undefined) return [call.action, call.params ?? null, call.region];
    return call.params !== undefined ? [call.action, call.params] : [call.action];
  });
  const payload = checked.value.scenario === undefined ? { c: compact } : { s: checked.value.scenario, c: compact };
  try {
    const encoded = PREFIX + toBase64Url(await deflate(JSON.stringify(payload)));
    if (encoded.length > MAX_ENCODED_LENGTH) {
      return fail(
        `This history is too long to save (${Math.ceil(encoded.length / 1024)} KB once compressed; ` +
          `the limit is ${MAX_ENCODED_LENGTH / 1024} KB). Reset the lab or undo some steps to shorten it.`,
      );
    }
    return { ok: true, encoded };
  } catch (cause) {
    return fail(`The history could not be compressed (${String(cause)}). This browser may be too old to save labs.`);
  }
}

/** Decodes a saved lab, checking its shape only (see decodeAndReplay for the full check). */
export async function decodeLog(encoded: unknown): Promise<DecodeResult> {
  if (typeof encoded !== 'string') return fail(`There is no saved lab to load (got ${typeof encoded}).`);
  // Measured before trimming too, so an enormous input is refused without being scanned.
  const text = encoded.length > MAX_ENCODED_LENGTH * 2 ? encoded : encoded.trim();
  if (text === '') return fail(`The saved lab is empty. ${COPY_AGAIN}`);
  if (text.length > MAX_ENCODED_LENGTH) {
    return fail(
      `The saved lab is too large (${Math.ceil(text.length / 1024)} KB; the limit is ${MAX_ENCODED_LENGTH / 1024} KB). ${NOT_FROM_HERE}`,
    );
  }
  const version = /^(\d{1,6})\./.exec(text);
  if (version === null) return fail(`This text is not a saved lab (a saved lab starts with "${PREFIX}"). ${COPY_AGAIN}`);
  if (Number(version[1]) !== LOG_FORMAT_VERSION) {
    return Number(version[1]) > LOG_FORMAT_VERSION
      ? fail(
          `This lab was saved in format ${version[1]}, newer than this page can read (format ${LOG_FORMAT_VERSION}). ` +
            'Reload the page to get the latest version of the site.',
        )
      : fail(`This lab was saved in format ${version[1]}, which is no longer supported. Reset the lab to its scenario.`);
  }
  const bytes = fromBase64Url(text.slice(PREFIX.length));
  if (typeof bytes === 'number') {
    return fail(
      `The saved lab contains a character that cannot appear in it (position ${bytes + PREFIX.length + 1}). ${COPY_AGAIN}`,
    );
  }
  const inflated = await inflate(bytes, MAX_DECODED_BYTES);
  if (inflated === null) return fail(`The saved lab is damaged or cut short: it could not be decompressed. ${COPY_AGAIN}`);
  if (inflated === 'too-large') {
    return fail(
      `The saved lab expands to more than ${MAX_DECODED_BYTES / (1024 * 1024)} MB, far more than any lab history; it was not loaded. ${NOT_FROM_HERE}`,
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail(`The saved lab is damaged: its content is not valid JSON. ${COPY_AGAIN}`);
  }
  return readPayload(payload);
}

/**
 * Decodes a saved lab and replays it from `base` (the scenario's World, or a fresh one). A log is
 * accepted only if every call succeeds: a call that fails means the log does not belong to this
 * base, so nothing of it is kept.
 */
export async function decodeAndReplay(encoded: unknown, base: World): Promise<ReplayedLogResult> {
  const decoded = await decodeLog(encoded);
  if (!decoded.ok) return decoded;
  const replayed = replayCalls(base, decoded.log.calls);
  if (!replayed.ok) return fail(`${replayed.error} ${LOAD_REFUSED}`);
  return { ok: true, log: decoded.log, world: replayed.world };
}
