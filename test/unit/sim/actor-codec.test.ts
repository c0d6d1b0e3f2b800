import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ACTION_NAMES, createWorld, isReadOnlyAction, REGION_NAMES } from '../../../src/sim/index.ts';
import type { SimCall } from '../../../src/sim/index.ts';
import {
  decodeAndReplay,
  decodeLog,
  encodeLog,
  MAX_CALLS,
  MAX_DECODED_BYTES,
  MAX_ENCODED_LENGTH,
  MAX_PARAMS_DEPTH,
} from '../../../src/sim/actor/codec.ts';
import type { SavedLog } from '../../../src/sim/actor/codec.ts';
import { advance, nameTag } from './actor-helpers.ts';

/** Encodes any payload in the wire format, bypassing encodeLog's checks, to forge hostile input. */
const forge = (payload: unknown): string => `1.${deflateRawSync(Buffer.from(JSON.stringify(payload))).toString('base64url')}`;
const forgeText = (text: string): string => `1.${deflateRawSync(Buffer.from(text)).toString('base64url')}`;

async function rejected(encoded: unknown): Promise<string> {
  const result = await decodeLog(encoded);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.log).slice(0, 200)}`);
  return result.error;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const key = fc.string({ maxLength: 12 }).filter((k) => !FORBIDDEN.has(k));
// Plain JSON data as params hold it; -0 becomes 0 in JSON, so it is left out of the round trip.
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4 }),
  ),
}));
const mutatingAction = fc.constantFrom(...ACTION_NAMES.filter((a) => !isReadOnlyAction(a)));
const callArb: fc.Arbitrary<SimCall> = fc.record(
  { action: mutatingAction, region: fc.constantFrom(...REGION_NAMES), params: fc.dictionary(key, json, { maxKeys: 5 }) },
  { requiredKeys: ['action'] },
);
const logArb: fc.Arbitrary<SavedLog> = fc.record(
  { scenario: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), calls: fc.array(callArb, { maxLength: 40 }) },
  { requiredKeys: ['calls'] },
);

describe('round trip', () => {
  test('any valid log encodes and decodes to the same log', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, async (log) => {
        const encoded = await encodeLog(log);
        if (!encoded.ok) throw new Error(encoded.error);
        expect(encoded.encoded).toMatch(/^1\.[A-Za-z0-9_-]+$/);
        const decoded = await decodeLog(encoded.encoded);
        expect(decoded).toEqual({ ok: true, log });
      }),
      { numRuns: 150 },
    );
  });

  test('the wire format is "1." + base64url(deflate-raw(JSON {s, c})) with compact calls', async () => {
    const log: SavedLog = {
      scenario: 'first-snapshot',
      calls: [
        { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 8 } },
        { action: 'Advance' },
        { action: 'CopySnapshot', region: 'eu-west-1' },
      ],
    };
    const encoded = await encodeLog(log);
    if (!encoded.ok) throw new Error(encoded.error);
    const payload: unknown = JSON.parse(inflateRawSync(Buffer.from(encoded.encoded.slice(2), 'base64url')).toString('utf8'));
    expect(payload).toEqual({
      s: 'first-snapshot',
      c: [['CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 8 }], ['Advance'], ['CopySnapshot', null, 'eu-west-1']],
    });
    expect(await decodeLog(forge(payload))).toEqual({ ok: true, log });
  });

  test('undefined members are dropped as JSON drops them; surrounding whitespace is ignored', async () => {
    const encoded = await encodeLog({ calls: [{ action: 'Advance', region: undefined, params: { Seconds: 5, DryRun: undefined } }] });
    if (!encoded.ok) throw new Error(encoded.error);
    expect(await decodeLog(`  ${encoded.encoded}\n`)).toEqual({ ok: true, log: { calls: [advance(5)] } });
  });
});

describe('hostile or damaged input is rejected with a message, never thrown', () => {
  test('random strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        expect((await decodeLog(text)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  test('random bytes in the right envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect((await decodeLog(`1.${Buffer.from(bytes).toString('base64url')}`)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  test('every truncation of a valid encoding', async () => {
    const encoded = await encodeLog({ scenario: 'web', calls: [{ action: 'RunInstances', params: { ImageId: 'ami-0abc', ...nameTag('instance', 'web') } }, advance(60)] });
    if (!encoded.ok) throw new Error(encoded.error);
    for (let length = 0; length < encoded.encoded.length; length++) {
      expect((await decodeLog(encoded.encoded.slice(0, length))).ok, `prefix of length ${length}`).toBe(false);
    }
  });

  test('values that are not strings', async () => {
    for (const value of [undefined, null, 42, {}, ['1.abc']]) {
      expect(await rejected(value)).toMatch(/^There is no saved lab to load/);
    }
  });

  test('envelope problems: empty, not ours, other versions, bad characters, oversize', async () => {
    expect(await rejected('')).toMatch(/^The saved lab is empty\./);
    expect(await rejected('hello')).toMatch(/^This text is not a saved lab \(a saved lab starts with "1\."\)\. Check that the whole link/);
    expect(await rejected('2.AAAA')).toMatch(/^This lab was saved in format 2, newer than this page can read \(format 1\)\. Reload the page/);
    expect(await rejected('0.AAAA')).toMatch(/format 0, which is no longer supported/);
    expect(await rejected('1.AB$D')).toMatch(/a character that cannot appear in it \(position 5\)/);
    expect(await rejected('1.AB+/')).toMatch(/cannot appear/);
    expect(await rejected(`1.${'A'.repeat(MAX_ENCODED_LENGTH)}`)).toMatch(/^The saved lab is too large \(\d+ KB; the limit is 256 KB\)/);
  });

  test('a decompression bomb is stopped at the size cap', async () => {
    // Valid JSON padded with whitespace: it would parse if it were fully inflated.
    const bomb = forgeText(`{"c":[]${' '.repeat(MAX_DECODED_BYTES + 1)}}`);
    expect(bomb.length).toBeLessThan(MAX_ENCODED_LENGTH);
    expect(await rejected(bomb)).toMatch(/expands to more than 4 MB/);
    expect((await decodeLog(forgeText(`{"c":[]${' '.repeat(1000)}}`))).ok).toBe(true);
  });

  test('content problems: not JSON, not UTF-8, wrong shape, extra fields', async () => {
    expect(await rejected(forgeText('{"c":['))).toMatch(/not valid JSON/);
    expect(await rejected(`1.${deflateRawSync(Buffer.from([0xff, 0xfe, 0x7b])).toString('base64url')}`)).toMatch(/not valid JSON/);
    expect(await rejected(forge([1, 2]))).toMatch(/does not hold a log/);
    expect(await rejected(forge({ calls: [] }))).toMatch(/unexpected field "calls"/);
    expect(await rejected(forge({}))).toMatch(/no list of calls/);
    expect(await rejected(forge({ s: 'Bad Id', c: [] }))).toMatch(/scenario id "Bad Id" is not a valid id/);
    expect(await rejected(forge({ c: [['Advance', {}, 'us-east-1', 'extra']] }))).toMatch(/^Call 1 of the saved lab is malformed/);
    expect(await rejected(forge({ c: [{ action: 'Advance' }] }))).toMatch(/^Call 1 of the saved lab is malformed/);
  });

  test('calls with unknown actions, read-only actions, unknown Regions or bad params', async () => {
    expect(await rejected(forge({ c: [['Advance'], ['LaunchRocket']] }))).toMatch(
      /^Call 2 of the saved lab is invalid: the action "LaunchRocket" is not one the simulator knows\. The link may come from a newer version/,
    );
    expect(await rejected(forge({ c: [['DescribeVolumes']] }))).toMatch(/DescribeVolumes only reads, and read-only calls are never saved/);
    expect(await rejected(forge({ c: [['Advance', null, 'mars-north-1']] }))).toMatch(/the Region "mars-north-1" is not one of us-east-1, eu-west-1/);
    expect(await rejected(forge({ c: [['Advance', [1]]] }))).toMatch(/its params are not an object/);
    expect(await rejected(forge({ c: [['Advance', null]] }))).toMatch(/its params are not an object/);
    expect(await rejected(forgeText('{"c":[["Advance",{"Seconds":1e999}]]}'))).toMatch(/params\.Seconds is not a finite number/);
  });

  test('prototype-pollution keys anywhere in params', async () => {
    for (const text of [
      '{"c":[["Advance",{"__proto__":{"polluted":true}}]]}',
      '{"c":[["Advance",{"Filters":[{"constructor":{"prototype":{"x":1}}}]}]]}',
      '{"c":[["Advance",{"a":{"prototype":1}}]]}',
    ]) {
      expect(await rejected(forgeText(text))).toMatch(/uses the forbidden key "(__proto__|constructor|prototype)"/);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('nesting deeper than the limit', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_PARAMS_DEPTH; i++) deep = [deep];
    expect(await rejected(forge({ c: [['Advance', { Deep: deep }]] }))).toMatch(/is nested more than 8 levels deep/);
    // A pathological nesting depth does not overflow the stack either.
    expect(await rejected(forgeText(`{"c":[["Advance",{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]]}`))).toMatch(/nested more than/);
  });

  test('more calls than the limit', async () => {
    const encoded = forge({ c: Array.from({ length: MAX_CALLS + 1 }, () => ['Advance']) });
    expect(await rejected(encoded)).toMatch(/has 10001 calls; at most 10000 can be loaded/);
    expect((await decodeLog(forge({ c: Array.from({ length: MAX_CALLS }, () => ['Advance']) }))).ok).toBe(true);
  });
});

describe('encodeLog refuses what decodeLog would refuse', () => {
  test('bad calls, too many calls and non-JSON params', async () => {
    expect(await encodeLog({ calls: [{ action: 'DescribeSnapshots' }] })).toEqual({
      ok: false,
      error: 'Call 1 of the log cannot be saved: DescribeSnapshots only reads, and read-only calls are never saved.',
    });
    expect(await encodeLog({ calls: [{ action: 'Advance', params: { When: new Date(0) } }] })).toMatchObject({ ok: false, error: expect.stringMatching(/params\.When is not a plain object/) });
    expect(await encodeLog({ calls: [{ action: 'Advance', params: { f: (() => 1) as unknown } }] })).toMatchObject({ ok: false, error: expect.stringMatching(/holds a function/) });
    expect(await encodeLog({ calls: Array.from({ length: MAX_CALLS + 1 }, () => advance(1)) })).toMatchObject({ ok: false, error: expect.stringMatching(/at most 10000 can be saved/) });
    expect(await encodeLog({ scenario: '../etc', calls: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/scenario id/) });
  });
});

describe('decodeAndReplay', () => {
  test('accepts a log whose every call replays and returns the World it builds', async () => {
    const calls: SimCall[] = [{ action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', Size: 2, ...nameTag('volume', 'data') } }, advance(10)];
    const encoded = await encodeLog({ calls });
    if (!encoded.ok) throw new Error(encoded.error);
    const result = await decodeAndReplay(encoded.encoded, createWorld());
    if (!result.ok) throw new Error(result.error);
    expect(result.log.calls).toEqual(calls);
    expect(Object.values(result.world.volumes).map((v) => [v.AvailabilityZone, v.State])).toEqual([['us-east-1b', 'available']]);
  });

  test('rejects the whole log when one call fails, saying which and why', async () => {
    const encoded = await encodeLog({ calls: [advance(1), { action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } }, advance(2)] });
    if (!encoded.ok) throw new Error(encoded.error);
    const base = createWorld();
    const result = await decodeAndReplay(encoded.encoded, base);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Call 2 of 3 \(DeleteVolume\) failed with InvalidVolume\.NotFound: The volume 'vol-0123456789abcdef0' does not exist\. Nothing was loaded/),
    });
    expect(base).toEqual(createWorld());
  });
});
