// The --state FILE store of `npm run sim`: a call log that is validated and replayed on load,
// saved atomically, and a refused file is never overwritten. (The end-to-end runs through
// npm run sim are in stories.test.ts.)
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript } from '../../src/cli/run.ts';
import { loadState, saveState } from '../../src/cli/state.ts';
import { encodeLog, MAX_CALLS, MAX_ENCODED_LENGTH } from '../../src/sim/actor/codec.ts';
import { createWorld, type SimCall } from '../../src/sim/index.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-state-unit-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const SESSION = [
  'VOL=$(aws ec2 create-volume --availability-zone us-east-1a --size 4 --query VolumeId --output text)',
  'aws ec2 wait volume-available --volume-ids $VOL',
  'aws ec2 create-snapshot --volume-id $VOL --description first',
].join('\n');

async function refusal(file: string): Promise<string> {
  const r = await loadState(file);
  if (r.ok) throw new Error(`${file} was loaded`);
  return r.message;
}

describe('loadState', () => {
  it('a missing file in an existing folder is a fresh account', async () => {
    const r = await loadState(join(dir, 'new.state'));
    expect(r).toEqual({ ok: true, value: { world: createWorld(), calls: [] } });
  });

  it('a missing folder is refused before anything runs', async () => {
    expect(await refusal(join(dir, 'missing', 'x.state'))).toContain('the folder');
  });

  it('a directory is refused', async () => {
    mkdirSync(join(dir, 'd'));
    expect(await refusal(join(dir, 'd'))).toContain('not a regular file');
  });

  it('a file far larger than any saved state is refused unread', async () => {
    const file = join(dir, 'big.state');
    writeFileSync(file, `1.${'A'.repeat(MAX_ENCODED_LENGTH * 2)}`);
    expect(await refusal(file)).toContain('far larger than any saved state');
  });

  it('a raw JSON World (what earlier versions saved) is refused, not trusted', async () => {
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({ ...createWorld(), instances: { 'i-1': { hostile: true } } }));
    const message = await refusal(file);
    expect(message).toContain('it holds JSON, as states saved by an earlier version');
    expect(message).toContain('The file was not changed');
  });

  it('a well-formed log whose calls do not replay is refused as a whole', async () => {
    const file = join(dir, 'forged.state');
    const forged = await encodeLog({ calls: [{ action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } }] });
    if (!forged.ok) throw new Error(forged.error);
    writeFileSync(file, forged.encoded);
    expect(await refusal(file)).toContain('Call 1 of 1 (DeleteVolume) failed with InvalidVolume.NotFound');
  });

  it('a lab saved from a scenario is refused: npm run sim starts from a fresh account', async () => {
    const file = join(dir, 'scenario.state');
    const saved = await encodeLog({ scenario: 'web-server-with-data-volume', calls: [] });
    if (!saved.ok) throw new Error(saved.error);
    writeFileSync(file, saved.encoded);
    expect(await refusal(file)).toContain('saved from the scenario "web-server-with-data-volume"');
  });

  it.each([
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002'],
    ['not base64url', '1.$$$$'],
    ['a newer format', '9.AAAA'],
  ])('%s content is refused with the codec\'s reason', async (_name, content) => {
    const file = join(dir, 'bad.state');
    writeFileSync(file, content);
    expect(await refusal(file)).toContain('is not a saved simulator state');
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('saveState', () => {
  it('saves the call log, which loads back to the same account', async () => {
    const file = join(dir, 'lab.state');
    const run = runScript(createWorld(), SESSION);
    expect(run.exitCode).toBe(0);
    const calls = run.steps.flatMap((s) => s.calls);
    expect(await saveState(file, calls, run.world)).toEqual({ ok: true, value: null });
    expect(readFileSync(file, 'utf8')).toMatch(/^1\.[A-Za-z0-9_-]+\n$/);
    const loaded = await loadState(file);
    expect(loaded).toEqual({ ok: true, value: { world: run.world, calls } });
  });

  it('through a symbolic link, updates the file it points to and keeps the link', async () => {
    const real = join(dir, 'real.state');
    const link = join(dir, 'link.state');
    writeFileSync(real, '');
    symlinkSync(real, link);
    const run = runScript(createWorld(), SESSION);
    expect((await saveState(link, run.steps.flatMap((s) => s.calls), run.world)).ok).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^1\./);
    expect(readdirSync(dir).sort()).toEqual(['link.state', 'real.state']);
  });

  it('refuses to save calls that do not rebuild the account, and keeps the previous file', async () => {
    const file = join(dir, 'lab.state');
    writeFileSync(file, 'previous\n');
    const run = runScript(createWorld(), SESSION);
    const r = await saveState(file, [], run.world);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('does not rebuild the same account');
    expect(readFileSync(file, 'utf8')).toBe('previous\n');
  });

  it('a log longer than the codec accepts is not saved, and the previous file is kept', async () => {
    const file = join(dir, 'lab.state');
    writeFileSync(file, 'previous\n');
    const calls: SimCall[] = Array.from({ length: MAX_CALLS + 1 }, () => ({ action: 'Advance', params: { Seconds: 1 } }));
    const r = await saveState(file, calls, createWorld());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(`at most ${MAX_CALLS} can be saved`);
    expect(readFileSync(file, 'utf8')).toBe('previous\n');
  });
});
