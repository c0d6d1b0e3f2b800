// The account behind `npm run sim -- --state FILE`, saved as the lab's versioned call log (the
// same text as the site's saved labs and permalinks), never as a raw World: loading decodes the
// log with its size and shape checks and replays every call from a fresh account, so a damaged
// or hostile file can only be refused, never trusted. A refused file is left exactly as it was.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createWorld, decodeAndReplay, encodeLog, MAX_ENCODED_LENGTH, type SimCall, type World } from '../sim/index.ts';

export interface LoadedState {
  readonly world: World;
  /** The calls that rebuild `world` from a fresh account; the next save appends to them. */
  readonly calls: readonly SimCall[];
}

export type StateResult<T> = { ok: true; value: T } | { ok: false; message: string };

const LEFT_AS_IS = 'The file was not changed. Move it away, or choose another --state FILE to start from a fresh account.';

const refuse = (path: string, why: string): { ok: false; message: string } => ({
  ok: false,
  message: `cannot use the state file ${path}: ${why}\n${LEFT_AS_IS}`,
});

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Checks, before any command runs, that the state can be saved at the end: the folder exists.
 * Loads the file if there is one; a missing file is a fresh account.
 */
export async function loadState(path: string): Promise<StateResult<LoadedState>> {
  let size: number;
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) {
      const folder = statSync(dirname(path), { throwIfNoEntry: false });
      if (folder?.isDirectory() !== true) {
        return { ok: false, message: `cannot create the state file ${path}: the folder ${dirname(path)} does not exist.` };
      }
      return { ok: true, value: { world: createWorld(), calls: [] } };
    }
    if (!stat.isFile()) return refuse(path, 'it is not a regular file.');
    size = stat.size;
  } catch (e) {
    return refuse(path, `it cannot be read (${errorText(e)}).`);
  }
  // Twice the codec's own limit leaves room for blanks; anything larger is refused unread.
  if (size > MAX_ENCODED_LENGTH * 2) {
    return refuse(path, `it is not a saved simulator state: at ${Math.ceil(size / 1024)} KB it is far larger than any saved state.`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return refuse(path, `it cannot be read (${errorText(e)}).`);
  }
  if (/^\s*\{/.test(text)) {
    return refuse(
      path,
      'it is not a saved simulator state: it holds JSON, as states saved by an earlier version of npm run sim did. ' +
        'Those are no longer loaded, because a World read from a file cannot be trusted; this version saves the call log instead.',
    );
  }
  const replayed = await decodeAndReplay(text, createWorld());
  if (!replayed.ok) return refuse(path, `it is not a saved simulator state. ${replayed.error}`);
  if (replayed.log.scenario !== undefined) {
    return refuse(
      path,
      `it holds a lab saved from the scenario "${replayed.log.scenario}", and npm run sim starts from a fresh account only.`,
    );
  }
  return { ok: true, value: { world: replayed.world, calls: replayed.log.calls } };
}

/**
 * Saves the account as its call log. The text is checked to load back to exactly `world` before
 * it replaces the file, and it replaces it atomically (a temporary file renamed over it), so an
 * interrupted or refused save keeps the previous state whole.
 */
export async function saveState(path: string, calls: readonly SimCall[], world: World): Promise<StateResult<null>> {
  const notSaved = (why: string): { ok: false; message: string } => ({
    ok: false,
    message: `the session was not saved to ${path}: ${why}\nWhatever the file held before this run is kept as it was.`,
  });
  const encoded = await encodeLog({ calls: [...calls] });
  if (!encoded.ok) return notSaved(encoded.error);
  const check = await decodeAndReplay(encoded.encoded, createWorld());
  if (!check.ok || JSON.stringify(check.world) !== JSON.stringify(world)) {
    return notSaved('its call log does not rebuild the same account (a bug in the simulator; please report it).');
  }
  let target = path;
  let temporary = '';
  try {
    // Through a symbolic link, the file it points to is the state (renaming over the link would replace it).
    if (existsSync(path)) target = realpathSync(path);
    temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      writeSync(fd, `${encoded.encoded}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (e) {
    if (temporary !== '') rmSync(temporary, { force: true });
    return notSaved(errorText(e));
  }
  return { ok: true, value: null };
}
