// Every error code the simulation and the CLI can return has its own plain-language explanation
// in the lab (src/widgets/lab/explanations.ts), not the generic text: the codes are collected from the
// sources the way they build errors, so a new code without an explanation fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainError } from '../../../src/widgets/lab/explanations.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The saved-lab codec (codec-impl.ts) has a `fail(message)` of its own for saved-lab problems: messages, not error codes. */
const NOT_ERROR_CODES = new Set(['src/sim/actor/codec.ts', 'src/sim/actor/codec-impl.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f.split('\\').join('/')}`)
    .filter((f) => !NOT_ERROR_CODES.has(f))
    .sort();
}

const SOURCES = new Map([...sourceFiles('src/sim'), ...sourceFiles('src/cli')].map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

const CODE = String.raw`([A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*)`;
/** The ways the sources build an error with a literal code. */
const CODE_SITES: readonly RegExp[] = [
  // src/sim: fail('Code', message) (errors.ts, and execute.ts's own for results).
  new RegExp(String.raw`(?<![\w.])fail\(\s*'${CODE}'\s*,`, 'g'),
  // { Code: 'Code', Message } (sim results, FSR item errors, CLI outcomes) and { code: 'Code', message } (ssm.ts).
  new RegExp(String.raw`\b[Cc]ode:\s*'${CODE}'`, 'g'),
  // src/cli: new CommandLineError(..., EXIT_RC, 'Code') and plainError(message, EXIT_RC, 'Code').
  new RegExp(String.raw`_RC,\s*'${CODE}'`, 'g'),
];

/** fail() calls whose code is not a literal, and where their codes come from. */
const DYNAMIC_FAIL_SITES: Record<string, (source: string) => string[]> = {
  // checkIdFormat: fail(MALFORMED[prefix], ...) with the codes of the MALFORMED table.
  'MALFORMED[prefix]': (source) => {
    const table = /const MALFORMED\b[^=]*=\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
    return [...table.matchAll(new RegExp(`'${CODE}'`, 'g'))].map((m) => m[1]!);
  },
};

function raisedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const [file, source] of SOURCES) {
    for (const site of CODE_SITES) for (const m of source.matchAll(site)) if (!codes.has(m[1]!)) codes.set(m[1]!, file);
    for (const m of source.matchAll(/(?<![\w.])fail\(\s*([^'\s][^,]*),/g)) {
      const argument = m[1]!;
      const before = source.slice(Math.max(0, m.index - 'function '.length), m.index);
      if (before === 'function ') continue; // the definition: fail(code: string, ...)
      const collect = DYNAMIC_FAIL_SITES[argument];
      if (!collect) throw new Error(`${file}: fail(${argument}, ...) has a code that is not a literal; teach this test where it comes from`);
      for (const code of collect(source)) if (!codes.has(code)) codes.set(code, file);
    }
  }
  return codes;
}

const GENERIC = explainError('No.Such.Code');
const codes = raisedCodes();

describe('explainError covers every error code the simulation and the CLI raise', () => {
  it('the scan finds codes of every kind of site', () => {
    for (const code of [
      'InvalidSnapshot.InUse', // fail('...') in an action
      'InvalidAction', // execute.ts's own fail
      'InvalidInstanceID.NotFound', // fail(\n'...') across lines
      'InvalidAMIID.Malformed', // the MALFORMED table
      'MissingParameter', // missingParameter()
      'InvalidParameterValue', // invalidValue()
      'NoChange', // { Code: '...' } in queries.ts
      'ParamValidation', // CLI usage errors
      'GeneralError',
      'WaiterError',
      'ConcurrentCreateImageNoRebootLimitExceeded',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(40);
  });

  it.each([...codes.keys()].sort())('%s has its own explanation', (code) => {
    expect(explainError(code), `${code} (raised in ${codes.get(code)}) has no entry in src/widgets/lab/explanations.ts`).not.toBe(GENERIC);
  });

  it('an unknown code still gets the generic sentence, and an operation can refine a code', () => {
    expect(GENERIC).toMatch(/AWS refused the call/);
    expect(explainError('VolumeInUse', 'DeleteVolume')).not.toBe(explainError('VolumeInUse'));
  });
});

describe('explanations specific to an operation', () => {
  it('an archive refused because an AMI uses the snapshot says to disable the AMI, not only to wait', () => {
    expect(explainError('IncorrectState', 'ModifySnapshotTier')).toMatch(/disable the AMI/);
    expect(explainError('IncorrectState', 'EnableImage')).toMatch(/PermanentRestore/);
    expect(explainError('IncorrectState', 'RestoreSnapshotTier')).toMatch(/Only an archived snapshot/);
    expect(explainError('IncorrectState', 'ModifySnapshotTier')).not.toBe(explainError('IncorrectState'));
  });
});
