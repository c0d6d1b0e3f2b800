// The simulator-only `sim ...` commands: what a learner does *inside* an instance (write, read,
// list, remove files, install a package) and the two things only a simulator can do (move the
// clock, show what the snapshots really store). Each maps to one simulator action of src/sim.

export interface SimCommandDef {
  readonly name: string;
  readonly action: string;
  /** Positional arguments, in order: the placeholder shown in usage and the parameter it fills. */
  readonly args: readonly { readonly label: string; readonly param: string; readonly optional?: boolean }[];
  readonly summary: string;
  /** The JSON the command prints, as documented in help. */
  readonly outputShape: string;
}

const instance = { label: '<instance-id>', param: 'InstanceId' } as const;

export const SIM_COMMANDS: readonly SimCommandDef[] = [
  {
    name: 'write',
    action: 'WriteFile',
    args: [instance, { label: '<path>', param: 'Path' }, { label: '<text>', param: 'Content' }],
    summary:
      'Writes <text> to the file <path> on a running instance, creating missing folders. The root volume is /; ' +
      'a volume attached as /dev/sdX or /dev/xvdX is mounted at /mnt/sdX. Quote text that has spaces. File ' +
      'commands find the instance in whichever Region it is.',
    outputShape: '{"InstanceId", "VolumeId", "ChangedBlocks": n}',
  },
  {
    name: 'read',
    action: 'ReadFile',
    args: [instance, { label: '<path>', param: 'Path' }],
    summary: 'Prints the content of a file on a running instance.',
    outputShape: '{"Path", "Content", "VolumeId"}',
  },
  {
    name: 'ls',
    action: 'ListFiles',
    args: [instance, { label: '<dir>', param: 'Path', optional: true }],
    summary: 'Lists the files under <dir> (default /) on a running instance, with the volume each one is on.',
    outputShape: '{"Files": [{"Path", "VolumeId", "Size"}]}',
  },
  {
    name: 'rm',
    action: 'DeleteFile',
    args: [instance, { label: '<path>', param: 'Path' }],
    summary: 'Deletes a file on a running instance.',
    outputShape: '{"InstanceId", "VolumeId", "ChangedBlocks": n}',
  },
  {
    name: 'install',
    action: 'InstallPackage',
    args: [instance, { label: '<package>', param: 'Package' }],
    summary: "Installs a package on a running instance: writes that package's files (see the list of packages below).",
    outputShape: '{"InstanceId", "VolumeId", "ChangedBlocks": n}',
  },
  {
    name: 'advance',
    action: 'Advance',
    args: [{ label: '<seconds>', param: 'Seconds' }],
    summary: 'Moves the simulated clock forward; pending snapshots, images, volumes and instances progress.',
    outputShape: '{"Now": "<ISO time>"}',
  },
  {
    name: 'storage',
    action: 'DescribeStorage',
    args: [],
    summary:
      'Shows the blocks each snapshot really stores, and the monthly cost of snapshot storage, for the whole ' +
      'account (or one Region with --region).',
    outputShape: '{"Snapshots": [{"SnapshotId", "VolumeId", "StoredBlocks", "StoredBytes"}], "TotalStoredBytes", "MonthlyCostUSD"}',
  },
];

export const SIM_COMMAND_BY_NAME: ReadonlyMap<string, SimCommandDef> = new Map(SIM_COMMANDS.map((c) => [c.name, c]));

export const SIM_COMMAND_BY_ACTION: ReadonlyMap<string, SimCommandDef> = new Map(SIM_COMMANDS.map((c) => [c.action, c]));

export function simUsage(c: SimCommandDef): string {
  return ['sim', c.name, ...c.args.map((a) => (a.optional === true ? `[${a.label}]` : a.label))].join(' ');
}
