/**
 * Plumbing shared by the site benchmark: statistics, the preview server and clean shutdown.
 * Everything the benchmark starts is registered here and stopped on success, error, Ctrl-C or kill,
 * so a run never leaves a server or a browser behind on a shared machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;
export const kb = (bytes: number): number => round(bytes / 1024, 1);

/** The median of the samples (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile: the smallest sample with at least q of all samples at or below it. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

type Stopper = () => Promise<void> | void;
const stoppers: Array<() => Promise<void>> = [];
/** Set once a signal arrived: anything started after that is stopped at once. */
let stopping = false;

/** Registers something to stop at the end; returns a function that stops it now (once; later calls wait for that stop). */
export function onCleanup(stop: Stopper): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  const once = () => (stopped ??= Promise.resolve().then(stop));
  if (stopping) once().catch((error: unknown) => console.error(`Cleanup: ${String(error)}`));
  else stoppers.push(once);
  return () => {
    const index = stoppers.indexOf(once);
    if (index >= 0) stoppers.splice(index, 1);
    return once();
  };
}

/** Stops everything still registered, newest first; a failing stopper does not keep the others from running. */
export async function cleanupAll(): Promise<void> {
  while (stoppers.length > 0) {
    const stop = stoppers.pop()!;
    try {
      await stop();
    } catch (error) {
      console.error(`Cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Thrown by ensureRunning() after a signal, so the benchmark starts nothing new and unwinds to its cleanup. */
export class Interrupted extends Error {}

export function ensureRunning(): void {
  if (stopping) throw new Interrupted('interrupted');
}

export const wasInterrupted = (): boolean => stopping;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopping = true;
    console.error(`\nBenchmark interrupted (${signal}): stopping the server and browsers.`);
    // Stopping them makes the step under way fail; the benchmark then unwinds and exits through its cleanup.
    // Should it hang, exit anyway once everything registered is stopped.
    void cleanupAll();
    setTimeout(() => void cleanupAll().finally(() => process.exit(130)), 30_000).unref();
  });
}

// After a signal, a browser killed mid-run makes Lighthouse reject promises nobody awaits any more:
// expected then. Any other stray rejection stops the run cleanly instead of crashing past the cleanup.
process.on('unhandledRejection', (reason) => {
  if (stopping) return;
  stopping = true;
  console.error(`\nUnexpected error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  void cleanupAll().finally(() => process.exit(1));
});

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops a process started with `detached: true` and everything it started (its process group:
 * npx -> sh -> node), even if the leader has already exited: SIGTERM, then SIGKILL after 5 s.
 */
async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const send = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // No process left in the group.
    }
  };
  send('SIGTERM');
  for (let waited = 0; send(0) && waited < 5_000; waited += 100) await sleep(100);
  send('SIGKILL');
}

/** Runs a command to completion, showing its output only if it fails. */
export async function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const stop = onCleanup(() => killGroup(child));
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => void stop(), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  await stop();
  if (code !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${code ?? 'killed'}):\n${output.slice(-4000)}`);
}

/** Serves dist/ with `astro preview` on 127.0.0.1 and waits until it answers. */
export async function startPreview(cwd: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const stop = onCleanup(() => killGroup(child));
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited (code ${child.exitCode}):\n${output.slice(-2000)}`);
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) return { origin, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`astro preview did not answer on ${origin} within 90 s:\n${output.slice(-2000)}`);
}
