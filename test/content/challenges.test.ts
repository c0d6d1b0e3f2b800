// Every challenge (content/challenges/*.yaml) is checkable and solvable in the simulation: it passes
// the content schema (so its goals are goals of the simulation, with valid params), its start
// scenario replays through the CLI, the lab does not start solved, no goal is met for free, and its
// reference solution, run through the CLI from that start, meets every goal. Together they form one
// track (curriculum.md): at least 12 levels, numbered 1..n, never getting easier along the way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScript } from '../../src/cli/run.ts';
import { challengeSchema, type ChallengeData } from '../../src/schemas/challenge';
import { evaluateGoal } from '../../src/sim/goals.ts';
import { checkInvariants, createWorld, type World } from '../../src/sim/index.ts';
import { referenceCallCount } from '../../src/widgets/challenge/solution.ts';
import { fakeReference, messages } from '../unit/schemas/helpers';

const CONTENT = resolve(import.meta.dirname, '../../content');
const files = readdirSync(join(CONTENT, 'challenges')).filter((f) => /\.ya?ml$/.test(f)).sort();
const schema = challengeSchema(fakeReference);

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8')) as unknown;
}

function load(file: string): ChallengeData {
  const data = readYaml(join(CONTENT, 'challenges', file));
  const problems = messages(schema, data);
  if (problems.length > 0) throw new Error(`${file} does not pass the challenge schema:\n${problems.join('\n')}`);
  return schema.parse(data);
}

/** The World the lab starts from: the challenge's scenario script replayed on a fresh account. */
function startWorld(file: string, challenge: ChallengeData): World {
  const scenarioFile = ['yaml', 'yml'].map((ext) => join(CONTENT, 'scenarios', `${challenge.scenario.id}.${ext}`)).find(existsSync);
  if (scenarioFile === undefined) throw new Error(`${file}: scenario "${challenge.scenario.id}" has no file in content/scenarios`);
  const { script } = readYaml(scenarioFile) as { script: string };
  const replayed = runScript(createWorld(), script);
  if (replayed.exitCode !== 0) {
    const failed = replayed.steps.find((step) => step.exitCode !== 0);
    throw new Error(`${file}: scenario "${challenge.scenario.id}" failed at line ${failed?.line}: ${failed?.command}\n${failed?.stderr}`);
  }
  return replayed.world;
}

/** Each goal's description with whether it is met on `world`, and why. */
function statuses(world: World, challenge: ChallengeData): Array<{ description: string; met: boolean; because: string }> {
  return challenge.goals.map((goal) => {
    const evaluated = evaluateGoal(world, goal);
    if (!evaluated.ok) throw new Error(evaluated.error);
    return evaluated.status;
  });
}

describe('challenges', () => {
  it('there are at least 12 challenges, at every difficulty', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(new Set(files.map((file) => load(file).difficulty))).toEqual(new Set(['beginner', 'intermediate', 'advanced']));
  });

  it('they form one track: places 1..n, each used once, difficulty never going down', () => {
    const LEVELS = ['beginner', 'intermediate', 'advanced'];
    const track = files.map((file) => ({ file, ...load(file) })).sort((a, b) => a.order - b.order);
    expect(track.map((c) => c.order)).toEqual(track.map((_, i) => i + 1));
    for (const [i, challenge] of track.entries()) {
      const before = track[i - 1];
      if (before === undefined) continue;
      expect(LEVELS.indexOf(challenge.difficulty), `${challenge.file} (${challenge.difficulty}) comes after ${before.file} (${before.difficulty})`).toBeGreaterThanOrEqual(
        LEVELS.indexOf(before.difficulty),
      );
    }
  });

  describe.each(files)('%s', (file) => {
    it('passes the schema: known goals with valid params', () => {
      expect(messages(schema, readYaml(join(CONTENT, 'challenges', file)))).toEqual([]);
    });

    // A goal a fresh account meets (noOrphanedSnapshots, with no snapshots) is fine when the scenario
    // makes it unmet; one met at the start ("keep the data volume") is fine when a fresh account
    // does not meet it. Met on both, it asks nothing of the learner.
    it('has no goal met for free: none is met both on a fresh account and at the start', () => {
      const challenge = load(file);
      const fresh = statuses(createWorld(), challenge);
      const atStart = statuses(startWorld(file, challenge), challenge);
      const free = fresh.filter((status, i) => status.met && atStart[i]?.met === true);
      expect(free.map((s) => `${s.description}: ${s.because}`), `${file}: goals met whatever the learner does`).toEqual([]);
    });

    it('does not start solved: some goal is unmet once the scenario is replayed', () => {
      const challenge = load(file);
      const atStart = statuses(startWorld(file, challenge), challenge);
      expect(atStart.some((s) => !s.met), `${file}: every goal is already met at the start`).toBe(true);
    });

    it('is solved by its reference solution, run through the CLI from the start', () => {
      const challenge = load(file);
      const solved = runScript(startWorld(file, challenge), challenge.solution);
      for (const step of solved.steps) {
        expect(step.exitCode, `${file}, solution line ${step.line}: ${step.command}\n${step.stderr}`).toBe(0);
      }
      expect(checkInvariants(solved.world), `${file}: invariants after the solution`).toEqual([]);
      const unmet = statuses(solved.world, challenge).filter((s) => !s.met);
      expect(unmet.map((s) => `${s.description}: ${s.because}`), `${file}: goals the solution does not meet`).toEqual([]);
    });

    it('has a reference call count for the learner to compare with: the calls that change the account', () => {
      const challenge = load(file);
      const solved = runScript(startWorld(file, challenge), challenge.solution);
      const changing = solved.steps.flatMap((step) => step.calls).filter((call) => call.action !== 'Advance');
      const { script } = readYaml(join(CONTENT, 'scenarios', `${challenge.scenario.id}.yaml`)) as { script: string };
      expect(referenceCallCount(script, challenge.solution)).toEqual({ ok: true, calls: changing.length });
      expect(changing.length).toBeGreaterThan(0);
    });
  });
});
