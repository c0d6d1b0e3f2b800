// Simulator benchmark (`npm run bench:sim`): action throughput on a World with about 1,000
// resources, replay of a 10,000-call log, jumps in that history, the saved-lab size, and memory.
// Prints a table and writes bench/results/sim.json. Aims (DESIGN.md): one action < 1 ms, a full
// replay < 1 s, a jump < 50 ms. Figures only, no assertions: timings depend on the machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createWorld, execute, nextEventTime } from '../../src/sim/index.ts';
import type { SimCall, World } from '../../src/sim/index.ts';
import { decodeLog, encodeLog } from '../../src/sim/actor/codec.ts';
import { createHistory, effectiveCalls, jumpTo, recordCalls, replayCalls } from '../../src/sim/actor/history.ts';
import type { History } from '../../src/sim/actor/history.ts';
import { al2023, nameTag, resolveIntent } from '../unit/sim/actor-helpers.ts';
import type { Intent } from '../unit/sim/actor-helpers.ts';

// The npm script runs plain node; expose the collector at run time so heap figures are measured after a full GC.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(HERE, '../../bench/results/sim.json');

/** Deterministic PRNG (mulberry32) so every run measures the same work. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function must(world: World, call: SimCall): World {
  const result = execute(world, call);
  if (!result.ok) throw new Error(`${call.action} failed while building the bench World: ${result.error.Code}: ${result.error.Message}`);
  return result.world;
}

function resourceCount(world: World): number {
  const own = <T extends { OwnerId: string }>(table: Record<string, T>) => Object.values(table).filter((r) => r.OwnerId === world.accountId).length;
  return own(world.instances) + own(world.volumes) + own(world.snapshots) + own(world.images);
}

/** 20 running instances (the account's instance limit) with files, 480 more volumes, 500 completed snapshots. */
function largeWorld(): { world: World; instanceIds: string[]; volumeIds: string[] } {
  let world = createWorld({ seed: 7 });
  const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  for (let i = 0; i < 20; i++) {
    world = must(world, { action: 'RunInstances', params: { ImageId: al2023(world), Placement: { AvailabilityZone: zones[i % 3] }, ...nameTag('instance', `web-${i}`) } });
  }
  for (let i = 0; i < 480; i++) {
    world = must(world, { action: 'CreateVolume', params: { AvailabilityZone: zones[i % 3], Size: 8, ...nameTag('volume', `data-${i}`) } });
  }
  world = must(world, { action: 'Advance', params: { Seconds: 60 } });
  const instanceIds = Object.keys(world.instances).sort();
  for (const [n, id] of instanceIds.entries()) {
    world = must(world, { action: 'WriteFile', params: { InstanceId: id, Path: `/home/ec2-user/notes-${n}.txt`, Content: `server ${n}` } });
  }
  const volumeIds = Object.keys(world.volumes).sort();
  for (const id of volumeIds) world = must(world, { action: 'CreateSnapshot', params: { VolumeId: id } });
  world = must(world, { action: 'Advance', params: { Seconds: 600 } });
  return { world, instanceIds, volumeIds };
}

interface Timing {
  label: string;
  runs: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

function summarise(label: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { label, runs: samples.length, meanMs: round(mean), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? 0) };
}

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;
const mb = (bytes: number): number => round(bytes / (1024 * 1024), 1);

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Times one kind of call `runs` times on the large World, each from the World the previous one left. */
function actionTiming(label: string, start: World, runs: number, next: (world: World, n: number) => SimCall): Timing {
  let world = start;
  const samples: number[] = [];
  for (let n = 0; n < runs; n++) {
    const call = next(world, n);
    const t0 = performance.now();
    const result = execute(world, call);
    samples.push(performance.now() - t0);
    if (!result.ok) throw new Error(`${label}: ${result.error.Code}: ${result.error.Message}`);
    world = result.world;
  }
  return summarise(label, samples);
}

/** A log of `size` successful mutating calls from a fresh account, from seeded random intents. */
function randomLog(size: number, seed: number): SimCall[] {
  const rand = random(seed);
  const int = (max: number) => Math.floor(rand() * (max + 1));
  const kinds: Array<() => Intent> = [
    () => ({ kind: 'createVolume', region: int(1), zone: int(2), size: 1 + int(7), name: int(2) }),
    () => ({ kind: 'runInstance', region: int(1), name: int(2) }),
    () => ({ kind: 'writeFile', pick: int(50), file: int(20), content: `v${int(999)}` }),
    () => ({ kind: 'writeFile', pick: int(50), file: int(20), content: `v${int(999)}` }),
    () => ({ kind: 'snapshot', pick: int(500), name: int(2) }),
    () => ({ kind: 'volumeFromSnapshot', pick: int(500), zone: int(2) }),
    () => ({ kind: 'deleteSnapshot', pick: int(500) }),
    () => ({ kind: 'deleteVolume', pick: int(500) }),
    () => ({ kind: 'terminate', pick: int(50) }),
    () => ({ kind: 'advance', seconds: 1 + int(120) }),
    () => ({ kind: 'advance', seconds: 1 + int(120) }),
  ];
  let world = createWorld();
  const calls: SimCall[] = [];
  while (calls.length < size) {
    const call = resolveIntent(world, (kinds[int(kinds.length - 1)] as () => Intent)());
    const result = execute(world, call);
    if (!result.ok) continue;
    calls.push(call);
    world = result.world;
  }
  return calls;
}

async function main(): Promise<void> {
  const memoryAtStart = process.memoryUsage();

  // 1. Actions on a World with about 1,000 resources.
  const built = time(largeWorld);
  const big = built.value.world;
  const { instanceIds, volumeIds } = built.value;
  const actions: Timing[] = [
    actionTiming('CreateVolume', big, 500, (_w, n) => ({ action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 4 + (n % 4) } })),
    actionTiming('CreateSnapshot', big, 400, (_w, n) => ({ action: 'CreateSnapshot', params: { VolumeId: volumeIds[n % volumeIds.length] } })),
    // Rewrites the file each instance already has (a root volume has only a few free blocks).
    actionTiming('WriteFile', big, 500, (_w, n) => ({
      action: 'WriteFile',
      params: { InstanceId: instanceIds[n % instanceIds.length], Path: `/home/ec2-user/notes-${n % instanceIds.length}.txt`, Content: `rev ${n}` },
    })),
    actionTiming('DescribeVolumes (filter)', big, 500, () => ({ action: 'DescribeVolumes', params: { Filters: [{ Name: 'tag:Name', Values: ['data-4*'] }] } })),
    actionTiming('Advance 1 s (idle)', big, 500, () => ({ action: 'Advance', params: { Seconds: 1 } })),
  ];
  // Advance that completes many snapshots at once: the heaviest single call.
  let pending = big;
  for (const id of volumeIds.slice(0, 300)) pending = must(pending, { action: 'CreateSnapshot', params: { VolumeId: id } });
  const completeAll = time(() => must(pending, { action: 'Advance', params: { Seconds: 600 } }));
  actions.push({ label: 'Advance completing 300 snapshots', runs: 1, meanMs: round(completeAll.ms), p95Ms: round(completeAll.ms), maxMs: round(completeAll.ms) });

  // 2. A 10,000-call history: generation (not timed), replay, history with checkpoints, jumps.
  const log = randomLog(10_000, 2026);
  const base = createWorld();
  const replay = time(() => replayCalls(base, log));
  if (!replay.value.ok) throw new Error(replay.value.error);
  const replayedWorld = replay.value.world;
  collectGarbage();
  const heapBeforeHistory = process.memoryUsage().heapUsed;
  const recorded = time(() => recordCalls(createHistory(base), log));
  if (!recorded.value.ok) throw new Error(recorded.value.error);
  const history: History = recorded.value.history;
  collectGarbage();
  const heapWithHistory = process.memoryUsage().heapUsed;

  const rand = random(99);
  const jumps: number[] = [];
  let cursorAt = history;
  for (let n = 0; n < 300; n++) {
    const target = Math.floor(rand() * (history.entries.length + 1));
    const t = time(() => jumpTo(cursorAt, target));
    jumps.push(t.ms);
    cursorAt = t.value;
  }
  const undoSamples: number[] = [];
  let undone = history;
  for (let n = 0; n < 200; n++) {
    const t = time(() => jumpTo(undone, undone.cursor - 1));
    undoSamples.push(t.ms);
    undone = t.value;
  }

  // 3. The saved lab for that history.
  const encoded = await (async () => {
    const start = performance.now();
    const result = await encodeLog({ calls: effectiveCalls(history) });
    return { result, ms: performance.now() - start };
  })();
  let savedKB: number | null = null;
  let decodeMs: number | null = null;
  if (encoded.result.ok) {
    savedKB = round(encoded.result.encoded.length / 1024, 1);
    const start = performance.now();
    const decoded = await decodeLog(encoded.result.encoded);
    decodeMs = round(performance.now() - start);
    if (!decoded.ok) throw new Error(decoded.error);
  }

  collectGarbage();
  const memoryAtEnd = process.memoryUsage();
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    largeWorld: { resources: resourceCount(big), buildMs: round(built.ms), pendingAfterBuild: nextEventTime(big) !== null },
    actions,
    history: {
      calls: log.length,
      resourcesAtEnd: resourceCount(replayedWorld),
      replayMs: round(replay.ms),
      recordWithCheckpointsMs: round(recorded.ms),
      checkpoints: Object.keys(history.checkpoints).length,
      historyHeapMB: mb(heapWithHistory - heapBeforeHistory),
      jump: summarise('jump to a random point', jumps),
      undo: summarise('undo one step', undoSamples),
    },
    savedLab: encoded.result.ok
      ? { encodedKB: savedKB, encodeMs: round(encoded.ms), decodeMs }
      : { error: encoded.result.error, encodeMs: round(encoded.ms) },
    memory: {
      rssMB: mb(memoryAtEnd.rss),
      heapUsedMB: mb(memoryAtEnd.heapUsed),
      heapUsedGrowthMB: mb(memoryAtEnd.heapUsed - memoryAtStart.heapUsed),
    },
    aims: { actionMs: 1, replayMs: 1000, jumpMs: 50 },
  };

  console.log(`\nSimulator benchmark, Node ${process.version}`);
  console.log(`\nActions on a World with ${results.largeWorld.resources} resources (built in ${results.largeWorld.buildMs} ms); aim < 1 ms each`);
  console.table(actions.map((a) => ({ action: a.label, runs: a.runs, 'actions/s': a.runs > 1 && a.meanMs > 0 ? Math.round(1000 / a.meanMs) : '', 'mean ms': a.meanMs, 'p95 ms': a.p95Ms, 'max ms': a.maxMs })));
  console.log(`\nHistory of ${log.length} calls (${results.history.resourcesAtEnd} resources at the end)`);
  console.table({
    'full replay (aim < 1000 ms)': { ms: results.history.replayMs },
    'record with checkpoints': { ms: results.history.recordWithCheckpointsMs },
    'jump, mean (aim < 50 ms)': { ms: results.history.jump.meanMs },
    'jump, p95': { ms: results.history.jump.p95Ms },
    'jump, max': { ms: results.history.jump.maxMs },
    'undo one step, mean': { ms: results.history.undo.meanMs },
    'undo one step, max': { ms: results.history.undo.maxMs },
  });
  console.log(`Checkpoints: ${results.history.checkpoints}; heap held by the history: about ${results.history.historyHeapMB} MB`);
  console.log(
    encoded.result.ok
      ? `Saved lab: ${savedKB} KB encoded, encode ${round(encoded.ms)} ms, decode ${decodeMs} ms`
      : `Saved lab: not encodable: ${encoded.result.error}`,
  );
  console.log(`Memory: rss ${results.memory.rssMB} MB, heap used ${results.memory.heapUsedMB} MB`);

  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${OUT}`);
}

await main();
