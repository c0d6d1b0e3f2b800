// The README's example session of `npm run sim` is a promise to newcomers: run it as written and
// compare with the output the README shows (stdout, then the error the last command prints).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, sim } from './sim-process.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SCRIPT_START = '    $ cat session.txt\n';
const RUN_LINE = '    $ npm run --silent sim < session.txt; echo "exit status: $?"\n';

/** README lines from `from` to `until`, without their four-space code indentation. */
function block(from: number, until: number): string {
  return README.slice(from, until)
    .split('\n')
    .map((line) => line.replace(/^ {4}/, ''))
    .join('\n');
}

it('the README example session prints what the README shows', async () => {
  const scriptAt = README.indexOf(SCRIPT_START);
  const runAt = README.indexOf(RUN_LINE);
  expect(scriptAt, 'README.md has the "$ cat session.txt" example').toBeGreaterThan(0);
  expect(runAt, 'README.md shows how the example is run').toBeGreaterThan(scriptAt);
  const script = block(scriptAt + SCRIPT_START.length, runAt).trimEnd() + '\n';
  const outputStart = runAt + RUN_LINE.length;
  const statusMatch = /^ {4}exit status: (\d+)$/m.exec(README.slice(outputStart));
  expect(statusMatch, 'the example ends with its exit status').not.toBeNull();
  const shown = block(outputStart, outputStart + statusMatch!.index).trimEnd();

  const run = await sim(script);
  expect(`${run.stdout}${run.stderr}`.trimEnd()).toBe(shown);
  expect(run.status).toBe(Number(statusMatch![1]));
});
