// Public API of the simulated account (see notes/sim-contract.md).
export type {
  CallResult,
  Charge,
  Ledger,
  Ec2Error,
  Image,
  Instance,
  RegionName,
  SimCall,
  SimEvent,
  Snapshot,
  Volume,
  World,
} from './types.ts';
export { createWorld, CLOCK_START, publicImageId } from './world.ts';
export { execute, ACTION_NAMES, isReadOnlyAction } from './execute.ts';
export type { StepResult } from './execute.ts';
export { executeMany, beginBatch } from './batch.ts';
export type { Batch } from './batch.ts';
export { advanceToNextEvent, nextEventTime } from './time.ts';
export { checkInvariants, checkStepInvariants } from './invariants.ts';
export {
  instanceLifecycle,
  volumeLifecycle,
  attachmentLifecycle,
  snapshotLifecycle,
  imageLifecycle,
  fastSnapshotRestoreLifecycle,
} from './lifecycles.ts';
export { REGIONS, REGIONS as REGION_NAMES, AVAILABILITY_ZONES, LEARNER_ACCOUNT, OTHER_ACCOUNT, PACKAGES, PACKAGE_NAMES, INSTANCE_TYPES } from './catalog.ts';
export { DURATIONS } from './durations.ts';
export { BLOCK_BYTES } from './blocks.ts';
export { actionChecks, possibleActions, filesOfSnapshot, filesOfImage, filesOfInstance, costSummary, EXAMPLE_VOLUME_PRICES } from './queries.ts';
export type { ActionCheck, CostSummary } from './queries.ts';
export type { FileEntry } from './blocks.ts';
export { SNAPSHOT_PRICE_STANDARD, SNAPSHOT_PRICE_ARCHIVE, ARCHIVE_RESTORE_PRICE, MONTH_MS } from './ledger.ts';
// The saved-lab format (permalinks, local storage, `npm run sim --state`): pure, validated, replayed.
export { encodeLog, decodeLog, decodeAndReplay, LOG_FORMAT_VERSION, MAX_ENCODED_LENGTH, MAX_CALLS } from './actor/codec.ts';
export type { SavedLog, EncodeResult, DecodeResult, ReplayedLogResult } from './actor/codec.ts';
