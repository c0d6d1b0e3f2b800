// The single entry point: execute(world, call) -> new World + API output + events, or an Ec2Error.
// Never throws: every rule violation is a SimError; anything else is reported as InternalError.
// runStep is the same call on a draft, for runs of many calls (batch.ts); execute is one step on a
// draft of its own.
import * as account from './actions/account.ts';
import * as fsr from './actions/fastrestore.ts';
import * as files from './actions/files.ts';
import * as images from './actions/images.ts';
import * as instances from './actions/instances.ts';
import * as snapshots from './actions/snapshots.ts';
import * as tags from './actions/tags.ts';
import * as volumes from './actions/volumes.ts';
import { DEFAULT_REGION, REGIONS } from './catalog.ts';
import { SimError } from './errors.ts';
import { asParams, optBool, type Params } from './params.ts';
import { Advance } from './time.ts';
import type { CallResult, Ec2Error, RegionName, SimCall, SimEvent, World } from './types.ts';
import { beginTx, commitTx, openDraft, rollBack, type Draft, type Tx } from './world.ts';

type Action = (tx: Tx, p: Params) => unknown;

const MUTATING: Record<string, Action> = {
  RunInstances: instances.RunInstances,
  StopInstances: instances.StopInstances,
  StartInstances: instances.StartInstances,
  RebootInstances: instances.RebootInstances,
  TerminateInstances: instances.TerminateInstances,
  ModifyInstanceAttribute: instances.ModifyInstanceAttribute,
  CreateVolume: volumes.CreateVolume,
  AttachVolume: volumes.AttachVolume,
  DetachVolume: volumes.DetachVolume,
  DeleteVolume: volumes.DeleteVolume,
  CreateSnapshot: snapshots.CreateSnapshot,
  CreateSnapshots: snapshots.CreateSnapshots,
  DeleteSnapshot: snapshots.DeleteSnapshot,
  CopySnapshot: snapshots.CopySnapshot,
  ModifySnapshotAttribute: snapshots.ModifySnapshotAttribute,
  ModifySnapshotTier: snapshots.ModifySnapshotTier,
  RestoreSnapshotTier: snapshots.RestoreSnapshotTier,
  CreateImage: images.CreateImage,
  RegisterImage: images.RegisterImage,
  DeregisterImage: images.DeregisterImage,
  DisableImage: images.DisableImage,
  EnableImage: images.EnableImage,
  CopyImage: images.CopyImage,
  ModifyImageAttribute: images.ModifyImageAttribute,
  EnableImageDeprecation: images.EnableImageDeprecation,
  DisableImageDeprecation: images.DisableImageDeprecation,
  EnableFastSnapshotRestores: fsr.EnableFastSnapshotRestores,
  DisableFastSnapshotRestores: fsr.DisableFastSnapshotRestores,
  CreateTags: tags.CreateTags,
  DeleteTags: tags.DeleteTags,
  Advance,
  WriteFile: files.WriteFile,
  DeleteFile: files.DeleteFile,
  InstallPackage: files.InstallPackage,
};

const READ_ONLY: Record<string, Action> = {
  DescribeInstances: instances.DescribeInstances,
  DescribeInstanceAttribute: instances.DescribeInstanceAttribute,
  DescribeVolumes: volumes.DescribeVolumes,
  DescribeSnapshots: snapshots.DescribeSnapshots,
  DescribeSnapshotAttribute: snapshots.DescribeSnapshotAttribute,
  DescribeImages: images.DescribeImages,
  DescribeImageAttribute: images.DescribeImageAttribute,
  ReadFile: files.ReadFile,
  ListFiles: files.ListFiles,
  DescribeStorage: files.DescribeStorage,
  DescribeRegions: account.DescribeRegions,
  DescribeAvailabilityZones: account.DescribeAvailabilityZones,
  DescribeTags: account.DescribeTags,
  DescribeFastSnapshotRestores: fsr.DescribeFastSnapshotRestores,
};

/** Every action execute() knows: EC2 API actions and the simulator-only ones. */
export const ACTION_NAMES: readonly string[] = [...Object.keys(MUTATING), ...Object.keys(READ_ONLY)].sort();

/** Describe*, ReadFile, ListFiles, DescribeStorage: they never change the World and are never logged. */
export function isReadOnlyAction(action: string): boolean {
  return Object.hasOwn(READ_ONLY, action);
}

/** One call's result without the World: in a batch the World is the draft's. */
export type StepResult = { ok: true; output: unknown; events: SimEvent[] } | { ok: false; error: Ec2Error };

function fail(Code: string, Message: string): { ok: false; error: Ec2Error } {
  return { ok: false, error: { Code, Message } };
}

/**
 * Runs one call on a draft. A call that fails, a DryRun and a read-only call leave the draft exactly
 * as it was; a successful mutating call leaves its changes in the draft.
 */
export function runStep(draft: Draft, call: SimCall): StepResult {
  try {
    const action = typeof call?.action === 'string' ? call.action : String(call?.action);
    const run = Object.hasOwn(MUTATING, action) ? MUTATING[action] : Object.hasOwn(READ_ONLY, action) ? READ_ONLY[action] : undefined;
    if (!run) return fail('InvalidAction', `The action ${action} is not valid for this web service.`);
    const region = (call.region ?? DEFAULT_REGION) as RegionName;
    if (!REGIONS.includes(region)) {
      return fail('InvalidParameterValue', `Invalid value '${String(region)}' for region. Regions in this simulation: ${REGIONS.join(', ')}.`);
    }
    const params = asParams(call.params);
    const dryRun = optBool(params, 'DryRun') ?? false;
    const tx = beginTx(draft, region);
    const output = run(tx, params);
    if (dryRun) {
      rollBack(draft);
      return fail('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
    }
    if (isReadOnlyAction(action)) {
      rollBack(draft);
      return { ok: true, output, events: [] };
    }
    commitTx(draft);
    return { ok: true, output, events: tx.events };
  } catch (e) {
    rollBack(draft);
    if (e instanceof SimError) return { ok: false, error: e.toEc2Error() };
    return fail('InternalError', `The simulation failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function execute(world: World, call: SimCall): CallResult {
  const draft = openDraft(world);
  const step = runStep(draft, call);
  if (!step.ok) return step;
  // A read-only call hands back the very World it was given.
  return { ok: true, world: isReadOnlyAction(call.action) ? world : draft.world, output: step.output, events: step.events };
}
