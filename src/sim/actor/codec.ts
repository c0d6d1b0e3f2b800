/**
 * The saved form of a lab: the call log that rebuilds its World, as one short string that fits in
 * a URL hash (the permalink) and in local storage alike.
 *
 * Wire format, version 1:
 *
 *   "1." + base64url( deflate-raw( JSON.stringify({ s?: scenarioId, c: [[action, params?, region?], ...] }) ) )
 *
 * - The leading "1." names the format before any decoding work, so a later format can change the
 *   compression or the layout and still be told apart.
 * - A call is a compact array: [action], [action, params] or [action, params | null, region].
 *   Action names stay spelled out (not indices into ACTION_NAMES) so a link survives the list
 *   growing; deflate removes most of the repetition anyway.
 *
 * Decoding treats its input as hostile: size caps before and during decompression, strict
 * base64url, a schema check of every call (known action, known Region, params made only of plain
 * JSON data, bounded depth, no prototype keys). It never throws and never returns half a log:
 * the result is either the whole log or `{ ok: false, error }` with a message saying what was
 * wrong and what to do. Shape is all the codec can check; whether the calls make sense is
 * settled by replaying them (`decodeAndReplay`).
 *
 * This module holds the format's types and limits; the work itself is codec-impl.ts, which the
 * functions below load on first use (a web page's lab downloads it only when it saves or loads).
 */
import type { SimCall, World } from '../types.ts';

export interface SavedLog {
  /** Id of the scenario whose setup the calls start from; absent for a fresh account. */
  scenario?: string;
  calls: SimCall[];
}

export type EncodeResult = { ok: true; encoded: string } | { ok: false; error: string };
export type DecodeResult = { ok: true; log: SavedLog } | { ok: false; error: string };
export type ReplayedLogResult = { ok: true; log: SavedLog; world: World } | { ok: false; error: string };

export const LOG_FORMAT_VERSION = 1;
/** Longest encoded string accepted (characters). A 10,000-call history of varied work stays well under it. */
export const MAX_ENCODED_LENGTH = 256 * 1024;
/** Largest decompressed JSON accepted (bytes); decompression stops as soon as it is passed. */
export const MAX_DECODED_BYTES = 4 * 1024 * 1024;
export const MAX_CALLS = 10_000;
/** Deepest nesting of arrays and objects inside one call's params (BlockDeviceMappings[].Ebs is 3). */
export const MAX_PARAMS_DEPTH = 8;

const codec = () => import('./codec-impl.ts');

/** The log as its saved string (never throws). */
export async function encodeLog(log: SavedLog): Promise<EncodeResult> {
  return (await codec()).encodeLog(log);
}

/** The whole log from its saved string, or why it cannot be read (never throws). */
export async function decodeLog(encoded: unknown): Promise<DecodeResult> {
  return (await codec()).decodeLog(encoded);
}

/** Decodes and replays the log on `base`: the World it rebuilds, or why it cannot (never throws). */
export async function decodeAndReplay(encoded: unknown, base: World): Promise<ReplayedLogResult> {
  return (await codec()).decodeAndReplay(encoded, base);
}
