// End-to-end: every story script under test/cli/stories runs through `npm run sim` (a real
// process fed on stdin), plain and with --jsonl, and must print exactly the reviewed expected
// files. To regenerate them deliberately: UPDATE_STORIES=1 npx vitest run ... test/cli/stories.test.ts
// then read the diff: the expected files are the specification, not a recording.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const STORIES = join(ROOT, 'test/cli/stories');
const UPDATE = process.env['UPDATE_STORIES'] === '1';

function sim(input: string, args: string[] = [], cwd = ROOT) {
  const r = spawnSync('npm', ['run', '--silent', '--prefix', ROOT, 'sim', '--', ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function plainTranscript(r: ReturnType<typeof sim>): string {
  return `exit status: ${r.status}\n\n==> stdout <==\n${r.stdout}\n==> stderr <==\n${r.stderr}`;
}

function check(file: string, actual: string): void {
  if (UPDATE || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const stories = readdirSync(STORIES).filter((f) => f.endsWith('.txt')).sort();

describe('story scripts through npm run sim', () => {
  it('has the four stories of the issue', () => {
    expect(stories).toEqual(['bake-ami.txt', 'deregister-costs.txt', 'errors.txt', 'snapshot-restore.txt']);
  });

  it.each(stories)('%s', (story) => {
    const input = readFileSync(join(STORIES, story), 'utf8');
    const base = join(STORIES, story.replace(/\.txt$/, ''));
    check(`${base}.expected`, plainTranscript(sim(input)));
    const jsonl = sim(input, ['--jsonl']);
    expect(jsonl.stderr).toBe('');
    check(`${base}.jsonl`, jsonl.stdout);
    // Every line is one command's object, and the exit status is that of the last failure.
    const lines = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { exitCode: number });
    const lastFailure = [...lines].reverse().find((l) => l.exitCode !== 0)?.exitCode ?? 0;
    expect(jsonl.status).toBe(lastFailure);
  }, 60_000);
});

describe('--state FILE', () => {
  it('continues a session across runs, relative to the caller directory, with the same output as one run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
    try {
      const script = readFileSync(join(STORIES, 'snapshot-restore.txt'), 'utf8').split('\n');
      const cut = script.findIndex((l) => l.startsWith('# Deleting the first snapshot'));
      const first = sim(script.slice(0, cut).join('\n'), ['--state', 'lab.json', '--jsonl'], dir);
      expect(existsSync(join(dir, 'lab.json'))).toBe(true);
      const second = sim(script.slice(cut).join('\n'), ['--state', 'lab.json', '--jsonl'], dir);
      const whole = sim(script.join('\n'), ['--jsonl']);
      expect(first.stdout + second.stdout).toBe(whole.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('rejects a file that is not a saved state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
    try {
      writeFileSync(join(dir, 'bad.json'), '{"hello": 1}');
      const r = sim('sim storage\n', ['--state', 'bad.json'], dir);
      expect(r.status).toBe(255);
      expect(r.stderr).toContain('is not a saved simulator state');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
