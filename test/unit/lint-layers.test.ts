// The import direction of DESIGN.md is enforced by lint; these cases prove the rule bites.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: 'test/eslint.config.js' });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rule (DESIGN.md import direction)', () => {
  it.each([
    ["import { useState } from 'react';", 'React'],
    ["import { select } from 'd3';", 'd3'],
    ["import { select } from 'd3-selection';", 'd3'],
    ["import { getCollection } from 'astro:content';", 'Astro'],
    ["import { Lab } from '../widgets/Lab.tsx';", 'layers above'],
  ])('src/sim may not %s', async (code, why) => {
    const found = await problems('src/sim/probe.ts', `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)?.[1] ?? 'null'}];\n`);
    expect(found.join('\n')).toMatch(/no-restricted-imports/);
    expect(found.join('\n')).toContain(why === 'layers above' ? 'imports nothing from the layers above' : why);
  });

  it('src/sim may not touch the DOM', async () => {
    const found = await problems('src/sim/probe.ts', 'export const w = window.innerWidth + document.title.length;\n');
    expect(found.filter((p) => p.startsWith('no-restricted-globals'))).toHaveLength(2);
  });

  it('src/sim may use xstate (its lifecycles are statecharts)', async () => {
    expect(await problems('src/sim/probe.ts', "import { setup } from 'xstate';\nexport const s = setup;\n")).toEqual([]);
  });

  it('src/viz may not import the simulator actor or xstate', async () => {
    const a = await problems('src/viz/probe.ts', "import { simulatorMachine } from '../sim/actor/simulator.machine.ts';\nexport const m = simulatorMachine;\n");
    const b = await problems('src/viz/probe.ts', "import { useSelector } from '@xstate/react';\nexport const u = useSelector;\n");
    expect(a.join()).toMatch(/never the actor/);
    expect(b.join()).toMatch(/never the actor/);
  });

  it('src/cli may not import React or the actor', async () => {
    const found = await problems('src/cli/probe.ts', "import { createElement } from 'react';\nexport const c = createElement;\n");
    expect(found.join()).toMatch(/no UI/);
  });
});
