// End-to-end: every story script under test/cli/stories runs through `npm run sim` (a real
// process fed on stdin), plain and with --jsonl, and must print exactly the reviewed expected
// files. To regenerate them deliberately: UPDATE_STORIES=1 npm run test:unit -- test/cli/stories.test.ts
// then read the diff: the expected files are the specification, not a recording.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sim, type Run } from './sim-process.ts';

const STORIES = join(ROOT, 'test/cli/stories');
const UPDATE = process.env['UPDATE_STORIES'] === '1';

function plainTranscript(r: Run): string {
  return `exit status: ${r.status}\n\n==> stdout <==\n${r.stdout}\n==> stderr <==\n${r.stderr}`;
}

/** Compares with the reviewed expected file; writes it only under UPDATE_STORIES=1, so a missing file fails. */
function check(file: string, actual: string): void {
  if (UPDATE) writeFileSync(file, actual);
  else if (!existsSync(file)) {
    expect.fail(
      `The expected file ${file} is missing. Create it deliberately with\n` +
        '  UPDATE_STORIES=1 npm run test:unit -- test/cli/stories.test.ts\n' +
        'then read it (git diff test/cli/stories) before committing: it is the specification, not a recording.',
    );
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const stories = readdirSync(STORIES).filter((f) => f.endsWith('.txt')).sort();

describe('story scripts through npm run sim', () => {
  // Both runs of every story start at once: each is a separate npm process.
  const runs = new Map<string, [Run, Run]>();
  beforeAll(async () => {
    await Promise.all(
      stories.map(async (story) => {
        const input = readFileSync(join(STORIES, story), 'utf8');
        runs.set(story, await Promise.all([sim(input), sim(input, ['--jsonl'])]));
      }),
    );
  }, 120_000);

  it('has the four stories of the issue', () => {
    expect(stories).toEqual(['bake-ami.txt', 'deregister-costs.txt', 'errors.txt', 'snapshot-restore.txt']);
  });

  it.each(stories)('%s', (story) => {
    const base = join(STORIES, story.replace(/\.txt$/, ''));
    const [plain, jsonl] = runs.get(story) as [Run, Run];
    check(`${base}.expected`, plainTranscript(plain));
    expect(jsonl.stderr).toBe('');
    check(`${base}.jsonl`, jsonl.stdout);
    // Every line is one command's object, and the exit status is that of the last failure.
    const lines = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { exitCode: number });
    const lastFailure = [...lines].reverse().find((l) => l.exitCode !== 0)?.exitCode ?? 0;
    expect(jsonl.status).toBe(lastFailure);
    expect(plain.status).toBe(lastFailure);
  });
});

describe('--state FILE', () => {
  it('continues a session across runs, relative to the caller directory, with the same output as one run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
    try {
      const script = readFileSync(join(STORIES, 'snapshot-restore.txt'), 'utf8').split('\n');
      const cut = script.findIndex((l) => l.startsWith('# Deleting the first snapshot'));
      const [first, whole] = await Promise.all([
        sim(script.slice(0, cut).join('\n'), ['--state', 'lab.json', '--jsonl'], dir),
        sim(script.join('\n'), ['--jsonl']),
      ]);
      expect(existsSync(join(dir, 'lab.json'))).toBe(true);
      const second = await sim(script.slice(cut).join('\n'), ['--state', 'lab.json', '--jsonl'], dir);
      expect(first.stdout + second.stdout).toBe(whole.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  /** A temporary folder for one test, removed afterwards. */
  async function inFolder(body: (dir: string) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
    try {
      await body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('starts from a fresh account when the file does not exist yet, and creates it', () =>
    inFolder(async (dir) => {
      const r = await sim('aws ec2 describe-volumes --query "length(Volumes)"\n', ['--state', 'new.state'], dir);
      expect(r).toEqual({ stdout: '0\n', stderr: '', status: 0 });
      expect(readFileSync(join(dir, 'new.state'), 'utf8')).toMatch(/^1\.[A-Za-z0-9_-]+\n$/);
    }), 60_000);

  it('continues from a file saved by a previous run, variables aside (they last one run)', () =>
    inFolder(async (dir) => {
      const create = 'VOL=$(aws ec2 create-volume --availability-zone us-east-1b --size 3 --query VolumeId --output text)\n' +
        'aws ec2 create-tags --resources $VOL --tags Key=Name,Value=kept\n';
      expect((await sim(create, ['--state', 'lab.state'], dir)).status).toBe(0);
      const r = await sim('aws ec2 describe-volumes --query "Volumes[].[AvailabilityZone,Size,Tags[0].Value]" --output text\n',
        ['--state', 'lab.state'], dir);
      expect(r).toEqual({ stdout: 'us-east-1b\t3\tkept\n', stderr: '', status: 0 });
    }), 60_000);

  it('refuses a corrupt file: a message saying what to do, exit status 255, nothing run, the file untouched', () =>
    inFolder(async (dir) => {
      const content = '{"hello": 1}';
      writeFileSync(join(dir, 'bad.json'), content);
      const r = await sim('aws ec2 create-volume --availability-zone us-east-1a --size 1\n', ['--state', 'bad.json'], dir);
      expect(r.status).toBe(255);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`npm run sim: cannot use the state file ${join(dir, 'bad.json')}: it is not a saved simulator state`);
      expect(r.stderr).toContain('The file was not changed. Move it away, or choose another --state FILE to start from a fresh account.');
      expect(readFileSync(join(dir, 'bad.json'), 'utf8')).toBe(content);
    }), 60_000);

  it('refuses a truncated file, and leaves it as it was', () =>
    inFolder(async (dir) => {
      const file = join(dir, 'lab.state');
      const saved = await sim('aws ec2 create-volume --availability-zone us-east-1a --size 1\n', ['--state', 'lab.state'], dir);
      expect(saved.status).toBe(0);
      const whole = readFileSync(file, 'utf8');
      // Cut where the base64url text still has a valid length, so what fails is the decompression.
      let length = Math.floor(whole.length / 2);
      if ((length - '1.'.length) % 4 === 1) length--;
      const cut = whole.slice(0, length);
      writeFileSync(file, cut);
      const r = await sim('sim storage\n', ['--state', 'lab.state'], dir);
      expect(r.status).toBe(255);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('damaged or cut short');
      expect(readFileSync(file, 'utf8')).toBe(cut);
    }), 60_000);
});
