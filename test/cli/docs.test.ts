// The words of help live apart from the tables the CLI runs on (src/cli/docs.ts, loaded only with
// help in a browser): every operation, option and sim command must still have them, and docs.ts
// must not describe anything the tables do not have.
import { describe, expect, it } from 'vitest';
import { OPERATION_DOCS, SIM_COMMAND_DOCS } from '../../src/cli/docs.ts';
import { operationHelp, topHelp } from '../../src/cli/help.ts';
import { OPERATIONS } from '../../src/cli/operations.ts';
import { SIM_COMMANDS } from '../../src/cli/simcommands.ts';
import { WAITERS } from '../../src/cli/waiters.ts';
import { WAITER_OPERATIONS } from '../../src/cli/waiter-names.ts';

describe('help words (docs.ts)', () => {
  it.each([...OPERATIONS.values()].map((op) => [op.name, op] as const))('%s has a summary and a line for every option', (_, op) => {
    const doc = OPERATION_DOCS[op.name];
    expect(doc, `docs.ts has no entry for ${op.name}`).toBeDefined();
    expect(doc!.summary.trim()).not.toBe('');
    for (const o of op.options) expect(doc!.options[o.name]?.trim(), `--${o.name} of ${op.name}`).toBeTruthy();
    expect(Object.keys(doc!.options).sort()).toEqual(op.options.map((o) => o.name).sort());
    expect(Array.isArray(doc!.output)).toBe(true);
  });

  it('describes no operation the table does not have', () => {
    expect(Object.keys(OPERATION_DOCS).sort()).toEqual([...OPERATIONS.keys()].sort());
  });

  it('has a summary and the printed JSON for every sim command, and no other', () => {
    for (const c of SIM_COMMANDS) {
      expect(SIM_COMMAND_DOCS[c.name]?.summary.trim(), `sim ${c.name}`).toBeTruthy();
      expect(SIM_COMMAND_DOCS[c.name]?.outputShape.trim(), `sim ${c.name}`).toBeTruthy();
    }
    expect(Object.keys(SIM_COMMAND_DOCS).sort()).toEqual(SIM_COMMANDS.map((c) => c.name).sort());
  });

  it('reaches the help pages', () => {
    const createSnapshot = operationHelp(OPERATIONS.get('create-snapshot')!);
    expect(createSnapshot).toContain('Creates a point-in-time snapshot of an EBS volume.');
    expect(createSnapshot).toContain('A description for the snapshot.');
    expect(createSnapshot).toMatch(/OUTPUT\n[\s\S]*SnapshotId/);
    expect(topHelp([])).toContain('Moves the simulated clock forward');
  });
});

describe('waiter names (waiter-names.ts, for completion)', () => {
  it('are the waiters of waiters.ts, in the same order, with the operations they poll', () => {
    expect(WAITERS.map((w) => [w.cliName, w.operation])).toEqual(Object.entries(WAITER_OPERATIONS));
    for (const operation of Object.values(WAITER_OPERATIONS)) expect(OPERATIONS.has(operation)).toBe(true);
  });
});
