// The simulator-only `sim ...` commands: what a learner does *inside* an instance (write, read,
// list, remove files, install a package) and the two things only a simulator can do (move the
// clock, show what the snapshots really store). Each maps to one simulator action of src/sim.
// What help says about each (a summary, the JSON it prints) is in docs.ts, loaded only with help.

export interface SimCommandDef {
  readonly name: string;
  readonly action: string;
  /** Positional arguments, in order: the placeholder shown in usage and the parameter it fills. */
  readonly args: readonly { readonly label: string; readonly param: string; readonly optional?: boolean }[];
}

const instance = { label: '<instance-id>', param: 'InstanceId' } as const;

export const SIM_COMMANDS: readonly SimCommandDef[] = [
  { name: 'write', action: 'WriteFile', args: [instance, { label: '<path>', param: 'Path' }, { label: '<text>', param: 'Content' }] },
  { name: 'read', action: 'ReadFile', args: [instance, { label: '<path>', param: 'Path' }] },
  { name: 'ls', action: 'ListFiles', args: [instance, { label: '<dir>', param: 'Path', optional: true }] },
  { name: 'rm', action: 'DeleteFile', args: [instance, { label: '<path>', param: 'Path' }] },
  { name: 'install', action: 'InstallPackage', args: [instance, { label: '<package>', param: 'Package' }] },
  { name: 'advance', action: 'Advance', args: [{ label: '<seconds>', param: 'Seconds' }] },
  { name: 'storage', action: 'DescribeStorage', args: [] },
];

export const SIM_COMMAND_BY_NAME: ReadonlyMap<string, SimCommandDef> = new Map(SIM_COMMANDS.map((c) => [c.name, c]));

export const SIM_COMMAND_BY_ACTION: ReadonlyMap<string, SimCommandDef> = new Map(SIM_COMMANDS.map((c) => [c.action, c]));

export function simUsage(c: SimCommandDef): string {
  return ['sim', c.name, ...c.args.map((a) => (a.optional === true ? `[${a.label}]` : a.label))].join(' ');
}
