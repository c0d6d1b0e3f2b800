/** Runs `npm run sim` as a real process, as a reader of the README would. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** `npm run --silent sim -- ARGS < input`, from `cwd` (what --state is relative to). */
export function sim(input: string, args: string[] = [], cwd = ROOT): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', '--prefix', ROOT, 'sim', '--', ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ stdout, stderr, status }));
    child.stdin.end(input);
  });
}
