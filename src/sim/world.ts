// World creation and the copy-on-write draft every action runs in. Records are replaced, never
// mutated; a table is shallow-copied the first time a draft writes to it, so the World a draft was
// opened on is never touched and unchanged records (and unwritten tables) are shared between Worlds.
//
// A draft can run many calls (src/sim/batch.ts): a table copied once is then written in place by the
// later calls, so a replay of N calls copies each table once instead of once per call. A failed call
// must change nothing, so each call keeps what it needs to be undone: the World's fields as they were
// (scalars and table references) and a journal of the writes it made in place.
import {
  AVAILABILITY_ZONES,
  LEARNER_ACCOUNT,
  PUBLIC_IMAGES,
  REGIONS,
  type CatalogImage,
} from './catalog.ts';
import { generateId, seedState, type IdPrefix } from './ids.ts';
import { rebill, workOf } from './indexes.ts';
import type { Image, RegionName, SimEvent, Snapshot, Volume, World } from './types.ts';

export const CLOCK_START = Date.UTC(2026, 0, 1, 0, 0, 0);
export const DEFAULT_SEED = 1;

type Tables = Pick<World, 'instances' | 'purgedInstances' | 'volumes' | 'snapshots' | 'images' | 'blocks' | 'reservations' | 'fastSnapshotRestores' | 'schedule' | 'attachments'>;
export type TableName = keyof Tables;
/** Tables of records; the others are indexes derived from them (indexes.ts), written only here. */
export type RecordTableName = Exclude<TableName, 'schedule' | 'attachments'>;
type RecordOf<K extends TableName> = Tables[K][string];

export interface Tx {
  readonly world: World;
  readonly region: RegionName;
  readonly events: SimEvent[];
  newId(prefix: IdPrefix): string;
  put<K extends RecordTableName>(table: K, id: string, record: RecordOf<K>): void;
  remove(table: RecordTableName, id: string): void;
  setNow(now: number): void;
  setNextBlock(n: number): void;
  setLedger(ledger: World['ledger']): void;
  emit(type: string, resourceId: string, message: string, extra?: Record<string, unknown>): void;
}

/** Tables whose records feed the derived indexes. */
const INDEXED: ReadonlySet<TableName> = new Set(['instances', 'volumes', 'snapshots', 'fastSnapshotRestores']);

/** What undoes the call in progress on a draft. */
interface CallUndo {
  /** The draft's World fields when the call began: every scalar, and every table by reference. */
  readonly start: World;
  /** The draft's private tables when the call began. */
  readonly owned: Set<TableName>;
  /** Tables whose current object was created by this call; the object at `start` is left as it was. */
  readonly fresh: Set<TableName>;
  /** Writes made in place on tables this call did not create: [table, id, had the key, previous record]. */
  readonly journal: Array<[TableName, string, boolean, unknown]>;
  /** A key was deleted in place: undoing that would re-insert it at the end of its table. */
  reordered: boolean;
}

/**
 * A World being changed in place: `owned` tables are private to the draft; the others are still
 * shared. `spoiled` is set when a call could not be undone exactly (see rollBack): the draft's
 * contents are right but some table's key order is not, so it must be rebuilt.
 */
export interface Draft {
  readonly world: World;
  owned: Set<TableName>;
  call: CallUndo | null;
  spoiled: boolean;
}

export function openDraft(base: World): Draft {
  return { world: { ...base }, owned: new Set(), call: null, spoiled: false };
}

/** Starts a call on a draft. Until rollBack or the next beginTx, the call can be undone. */
export function beginTx(draft: Draft, region: RegionName): Tx {
  const world = draft.world;
  const call: CallUndo = { start: { ...world }, owned: new Set(draft.owned), fresh: new Set(), journal: [], reordered: false };
  draft.call = call;
  const events: SimEvent[] = [];
  const table = (name: TableName): Record<string, unknown> => {
    if (!draft.owned.has(name)) {
      (world as Tables)[name] = { ...world[name] } as never;
      call.fresh.add(name);
      draft.owned.add(name);
    }
    return world[name] as Record<string, unknown>;
  };
  const write = (name: TableName, id: string, record: unknown): void => {
    const records = table(name);
    if (!call.fresh.has(name)) call.journal.push([name, id, Object.hasOwn(records, id), records[id]]);
    records[id] = record;
  };
  const erase = (name: TableName, id: string): void => {
    const records = table(name);
    if (!Object.hasOwn(records, id)) return;
    if (!call.fresh.has(name)) {
      call.journal.push([name, id, true, records[id]]);
      call.reordered = true;
    }
    delete records[id];
  };
  // Keeps the derived indexes in step with a record going from `before` to `after` (undefined: absent).
  const reindex = (name: RecordTableName, id: string, before: unknown, after: unknown): void => {
    if (!INDEXED.has(name)) return;
    const due = workOf(name, id, after);
    for (const [key] of workOf(name, id, before)) if (!due.some(([k]) => k === key)) erase('schedule', key);
    for (const [key, at] of due) if (world.schedule[key] !== at) write('schedule', key, at);
    // A World field like `now`: the call's start copy restores it on rollBack.
    if (name === 'snapshots') world.billedBlocks = rebill(world.billedBlocks, world.accountId, before as Snapshot | undefined, after as Snapshot | undefined);
    if (name !== 'volumes') return;
    const from = (before as Volume | undefined)?.Attachment?.InstanceId;
    const to = (after as Volume | undefined)?.Attachment?.InstanceId;
    if (from === to) return;
    if (from !== undefined) {
      const rest = (world.attachments[from] ?? []).filter((v) => v !== id);
      if (rest.length > 0) write('attachments', from, rest);
      else erase('attachments', from);
    }
    if (to !== undefined) write('attachments', to, [...(world.attachments[to] ?? []), id].sort());
  };
  return {
    world,
    region,
    events,
    newId(prefix) {
      const { id, state } = generateId(prefix, world.rng);
      world.rng = state;
      return id;
    },
    put(name, id, record) {
      const before = Object.hasOwn(world[name], id) ? world[name][id] : undefined;
      write(name, id, record);
      reindex(name, id, before, record);
    },
    remove(name, id) {
      if (!Object.hasOwn(world[name], id)) return;
      const before = world[name][id];
      erase(name, id);
      reindex(name, id, before, undefined);
    },
    setNow(now) {
      world.now = now;
    },
    setNextBlock(n) {
      world.nextBlock = n;
    },
    setLedger(ledger) {
      world.ledger = ledger;
    },
    emit(type, resourceId, message, extra) {
      events.push({ ...extra, type, time: world.now, resourceId, message });
    },
  };
}

/** Keeps the call in progress on the draft: it can no longer be undone. */
export function commitTx(draft: Draft): void {
  draft.call = null;
}

/**
 * Undoes the call in progress on the draft. Contents are always restored; key order too, unless the
 * call deleted a key in place, which marks the draft `spoiled`: the order is what Object.values()
 * iterates in, and so what outputs list, so such a draft must be rebuilt before it is used again.
 */
export function rollBack(draft: Draft): void {
  const call = draft.call;
  if (call === null) return;
  draft.call = null;
  if (call.reordered) draft.spoiled = true;
  // Every field back as it was: a table this call copied is again the object it was copied from
  // (shared, or the draft's own one left untouched since), so only in-place puts need undoing.
  Object.assign(draft.world, call.start);
  draft.owned = call.owned;
  for (let i = call.journal.length - 1; i >= 0; i--) {
    const [name, id, had, previous] = call.journal[i] as [TableName, string, boolean, unknown];
    const records = draft.world[name] as Record<string, unknown>;
    if (had) records[id] = previous;
    else delete records[id];
  }
}

/** Ids of the public catalogue come from a fixed generator, so they are the same for every seed. */
const CATALOG_SEED = 20250107;

export function createWorld(options: { seed?: number } = {}): World {
  const seed = Number.isSafeInteger(options.seed) ? (options.seed as number) : DEFAULT_SEED;
  const empty: World = {
    schema: 1,
    now: CLOCK_START,
    seed,
    rng: seedState(CATALOG_SEED),
    nextBlock: 1,
    accountId: LEARNER_ACCOUNT,
    instances: {},
    purgedInstances: {},
    volumes: {},
    snapshots: {},
    images: {},
    blocks: {},
    reservations: {},
    fastSnapshotRestores: {},
    schedule: {},
    attachments: {},
    billedBlocks: { Standard: 0, Archive: 0 },
    ledger: { StandardBlockMs: 0, ArchiveBlockMs: 0, Charges: [] },
  };
  const tx = beginTx(openDraft(empty), 'us-east-1');
  for (const region of REGIONS) {
    for (const entry of PUBLIC_IMAGES) addCatalogImage(tx, region, entry);
  }
  return { ...tx.world, rng: seedState(seed) };
}

function addCatalogImage(tx: Tx, region: RegionName, entry: CatalogImage): void {
  const snapshotId = tx.newId('snap');
  const imageId = tx.newId('ami');
  const created = Date.parse(entry.CreationDate);
  const image: Record<string, string> = {};
  entry.blocks.forEach((files, index) => {
    const blockId = `blk-${tx.world.nextBlock}`;
    tx.setNextBlock(tx.world.nextBlock + 1);
    tx.put('blocks', blockId, { Files: { ...files }, Refs: 1 });
    image[String(index)] = blockId;
  });
  const snapshot: Snapshot = {
    SnapshotId: snapshotId,
    Region: region,
    VolumeId: 'vol-ffffffff',
    VolumeSize: entry.VolumeSize,
    State: 'completed',
    StartTime: created,
    CompleteAt: created,
    Description: `${entry.Name} root volume`,
    Encrypted: false,
    KmsKeyId: null,
    OwnerId: entry.OwnerId,
    OwnerAlias: entry.ImageOwnerAlias,
    Tags: [],
    Tier: 'standard',
    TierAt: null,
    ArchivedAt: null,
    RestoreDays: null,
    Image: image,
    Owned: Object.values(image),
    Lineage: `lineage-${snapshotId}`,
    DeleteOnComplete: false,
    // Not public: launching the AMI needs only its launch permission (UG:sharingamis-explicit).
    CreateVolumePermissions: [],
    CopiedFrom: null,
  };
  tx.put('snapshots', snapshotId, snapshot);
  const ami: Image = {
    ImageId: imageId,
    Region: region,
    Name: entry.Name,
    Description: entry.Description,
    State: 'available',
    OwnerId: entry.OwnerId,
    ImageOwnerAlias: entry.ImageOwnerAlias,
    Public: true,
    LaunchPermissions: [],
    Architecture: entry.Architecture,
    VirtualizationType: 'hvm',
    RootDeviceName: entry.RootDeviceName,
    RootDeviceType: 'ebs',
    BlockDeviceMappings: [
      {
        DeviceName: entry.RootDeviceName,
        Ebs: {
          SnapshotId: snapshotId,
          VolumeSize: entry.VolumeSize,
          VolumeType: entry.VolumeType,
          DeleteOnTermination: true,
          Encrypted: false,
          KmsKeyId: null,
        },
      },
    ],
    CreationDate: created,
    DeprecationTime: null,
    SourceInstanceId: null,
    SourceImageId: null,
    SourceRegion: null,
    Tags: [],
    PlatformDetails: entry.PlatformDetails,
    NoReboot: false,
  };
  tx.put('images', imageId, ami);
}

/** The id of a public catalogue AMI (e.g. 'al2023') in a Region; the same for every World. */
export function publicImageId(world: World, region: RegionName, key: string): string | undefined {
  const entry = PUBLIC_IMAGES.find((e) => e.key === key);
  if (!entry) return undefined;
  return Object.values(world.images).find(
    (i) => i.Region === region && i.Name === entry.Name && i.OwnerId === entry.OwnerId,
  )?.ImageId;
}

export function zonesOf(region: RegionName): readonly string[] {
  return AVAILABILITY_ZONES[region];
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
