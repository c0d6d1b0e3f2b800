// World creation and the copy-on-write transaction every action runs in: tables are shallow-copied
// on first write and records are replaced, never mutated, so the input World is never touched and
// unchanged records are shared between Worlds (cheap on a World with thousands of resources).
import {
  AVAILABILITY_ZONES,
  LEARNER_ACCOUNT,
  PUBLIC_IMAGES,
  REGIONS,
  type CatalogImage,
} from './catalog.ts';
import { generateId, seedState, type IdPrefix } from './ids.ts';
import type { Image, RegionName, SimEvent, Snapshot, World } from './types.ts';

export const CLOCK_START = Date.UTC(2026, 0, 1, 0, 0, 0);
export const DEFAULT_SEED = 1;

type Tables = Pick<World, 'instances' | 'volumes' | 'snapshots' | 'images' | 'blocks' | 'reservations' | 'fastSnapshotRestores'>;
export type TableName = keyof Tables;
type RecordOf<K extends TableName> = Tables[K][string];

export interface Tx {
  readonly world: World;
  readonly region: RegionName;
  readonly events: SimEvent[];
  newId(prefix: IdPrefix): string;
  put<K extends TableName>(table: K, id: string, record: RecordOf<K>): void;
  remove(table: TableName, id: string): void;
  setNow(now: number): void;
  setNextBlock(n: number): void;
  setLedger(ledger: World['ledger']): void;
  emit(type: string, resourceId: string, message: string, extra?: Record<string, unknown>): void;
}

export function beginTx(base: World, region: RegionName): Tx {
  const world: World = { ...base };
  const copied = new Set<TableName>();
  const events: SimEvent[] = [];
  const table = <K extends TableName>(name: K): Tables[K] => {
    if (!copied.has(name)) {
      copied.add(name);
      (world as Tables)[name] = { ...base[name] } as Tables[K];
    }
    return world[name];
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
      (table(name) as Record<string, unknown>)[id] = record;
    },
    remove(name, id) {
      delete (table(name) as Record<string, unknown>)[id];
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
    volumes: {},
    snapshots: {},
    images: {},
    blocks: {},
    reservations: {},
    fastSnapshotRestores: {},
    ledger: { AccruedSnapshotStorageUSD: 0, Charges: [] },
  };
  const tx = beginTx(empty, 'us-east-1');
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
