// Every scenario (content/scenarios/*.yaml) replays through the CLI from a fresh account: every
// command succeeds, the simulation's invariants hold afterwards, and the resources the scenario
// names by their Name tag exist.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScript } from '../../src/cli/run.ts';
import { checkInvariants, createWorld, type SimCall, type World } from '../../src/sim/index.ts';

const FOLDER = resolve(import.meta.dirname, '../../content/scenarios');
const files = readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f)).sort();

interface Scenario {
  title: string;
  description: string;
  script: string;
}

function load(file: string): Scenario {
  const data = parse(readFileSync(join(FOLDER, file), 'utf8')) as Partial<Scenario> | null;
  const { title, description, script } = data ?? {};
  if (typeof title !== 'string' || typeof description !== 'string' || typeof script !== 'string') {
    throw new Error(`${file}: needs string fields title, description and script`);
  }
  return { title, description, script };
}

/** Name tag values the calls set (TagSpecifications on create, or CreateTags). */
function namesTagged(calls: readonly SimCall[]): string[] {
  const names: string[] = [];
  const collect = (tags: unknown): void => {
    if (!Array.isArray(tags)) return;
    for (const t of tags as { Key?: unknown; Value?: unknown }[]) if (t.Key === 'Name' && typeof t.Value === 'string') names.push(t.Value);
  };
  for (const call of calls) {
    collect(call.params?.['Tags']);
    const specs = call.params?.['TagSpecifications'];
    if (Array.isArray(specs)) for (const spec of specs as { Tags?: unknown }[]) collect(spec.Tags);
  }
  return [...new Set(names)];
}

/** Name tags of the resources that still exist (not terminated, deregistered or being deleted). */
function liveNames(world: World): Set<string> {
  const live = [
    ...Object.values(world.instances).filter((r) => r.State !== 'terminated' && r.State !== 'shutting-down'),
    ...Object.values(world.volumes).filter((r) => r.State !== 'deleting'),
    ...Object.values(world.snapshots),
    ...Object.values(world.images).filter((r) => r.State !== 'deregistered'),
  ];
  return new Set(live.flatMap((r) => r.Tags.filter((t) => t.Key === 'Name').map((t) => t.Value)));
}

/** Names the prose gives resources: "named web-server", "called `golden`". */
function namesMentioned(text: string): string[] {
  return [...text.matchAll(/\b(?:named|called)\s+[`"']?([A-Za-z0-9][\w.-]*[A-Za-z0-9])/g)].map((m) => m[1] ?? '');
}

describe('scenarios replay from a fresh account', () => {
  it('there are scenarios to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    const scenario = load(file);
    const result = runScript(createWorld(), scenario.script);
    for (const step of result.steps) {
      expect(step.exitCode, `${file}, line ${step.line}: ${step.command}\n${step.stderr}`).toBe(0);
    }
    expect(checkInvariants(result.world), `${file}: invariants after the script`).toEqual([]);

    const live = liveNames(result.world);
    const tagged = namesTagged(result.steps.flatMap((s) => s.calls));
    for (const name of tagged) {
      expect(live.has(name), `${file}: the script tags a resource "${name}", which no longer exists at the end`).toBe(true);
      expect(`${scenario.title} ${scenario.description}`, `${file}: the description should name the resource "${name}"`).toContain(name);
    }
    for (const name of namesMentioned(`${scenario.title}. ${scenario.description}`)) {
      expect(live.has(name), `${file}: the description names "${name}", but no resource has that Name tag`).toBe(true);
    }
  });
});
