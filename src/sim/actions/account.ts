// Account-level describe calls: DescribeRegions, DescribeAvailabilityZones, DescribeTags.
import { AVAILABILITY_ZONES, REGIONS } from '../catalog.ts';
import { fail } from '../errors.ts';
import { optBool, optStringList, type Params } from '../params.ts';
import { compileFilters, type FilterFields } from '../tagging.ts';
import type { RegionName, Tag, World } from '../types.ts';
import type { Tx } from '../world.ts';
import { instanceVisible, snapshotVisible, volumeVisible } from '../access.ts';

/**
 * MODEL CHOICE: zone names map to zone IDs in order (us-east-1a = use1-az1). In AWS the mapping of
 * names to IDs differs per account; the IDs are the stable ones (reference §5).
 */
const ZONE_ID_PREFIX: Record<RegionName, string> = { 'us-east-1': 'use1', 'eu-west-1': 'euw1' };

export function zoneId(zone: string): string | undefined {
  for (const region of REGIONS) {
    const index = AVAILABILITY_ZONES[region].indexOf(zone);
    if (index >= 0) return `${ZONE_ID_PREFIX[region]}-az${index + 1}`;
  }
  return undefined;
}

export function zoneNameOf(id: string): string | undefined {
  for (const region of REGIONS) {
    const zone = AVAILABILITY_ZONES[region].find((z) => zoneId(z) === id);
    if (zone) return zone;
  }
  return undefined;
}

export function DescribeRegions(_tx: Tx, p: Params): unknown {
  const names = optStringList(p, 'RegionNames');
  optBool(p, 'AllRegions');
  for (const n of names ?? []) {
    if (!(REGIONS as readonly string[]).includes(n)) fail('InvalidParameterValue', `Invalid region name: ${n}. Regions in this simulation: ${REGIONS.join(', ')}.`);
  }
  return {
    Regions: REGIONS.filter((r) => !names || names.includes(r)).map((r) => ({ Endpoint: `ec2.${r}.amazonaws.com`, RegionName: r, OptInStatus: 'opt-in-not-required' })),
  };
}

interface ZoneRecord {
  ZoneName: string;
  ZoneId: string;
  Tags: Tag[];
}

const ZONE_FILTERS: FilterFields<ZoneRecord> = {
  'zone-name': (z) => [z.ZoneName],
  'zone-id': (z) => [z.ZoneId],
  state: () => ['available'],
  'region-name': (z) => [z.ZoneName.slice(0, -1)],
};

export function DescribeAvailabilityZones(tx: Tx, p: Params): unknown {
  const names = optStringList(p, 'ZoneNames');
  const ids = optStringList(p, 'ZoneIds');
  optBool(p, 'AllAvailabilityZones');
  const matches = compileFilters(p, ZONE_FILTERS);
  const zones = AVAILABILITY_ZONES[tx.region].map((z) => ({ ZoneName: z, ZoneId: zoneId(z) ?? '', Tags: [] }));
  for (const n of names ?? []) if (!zones.some((z) => z.ZoneName === n)) fail('InvalidParameterValue', `Invalid availability zone: [${n}]`);
  for (const n of ids ?? []) if (!zones.some((z) => z.ZoneId === n)) fail('InvalidParameterValue', `Invalid availability zone ID: [${n}]`);
  return {
    AvailabilityZones: zones
      .filter((z) => (!names || names.includes(z.ZoneName)) && (!ids || ids.includes(z.ZoneId)) && matches(z))
      .map((z) => ({
        OptInStatus: 'opt-in-not-required',
        Messages: [],
        RegionName: tx.region,
        ZoneName: z.ZoneName,
        ZoneId: z.ZoneId,
        GroupName: tx.region,
        NetworkBorderGroup: tx.region,
        ZoneType: 'availability-zone',
        State: 'available',
      })),
  };
}

interface TagRow {
  Key: string;
  Value: string;
  ResourceId: string;
  ResourceType: string;
  Tags: Tag[];
}

const TAG_FILTERS: FilterFields<TagRow> = {
  key: (t) => [t.Key],
  value: (t) => [t.Value],
  'resource-id': (t) => [t.ResourceId],
  'resource-type': (t) => [t.ResourceType],
};

function ownTagged(world: World, region: RegionName): Array<{ id: string; type: string; tags: Tag[] }> {
  return [
    ...Object.values(world.instances).filter((i) => instanceVisible(world, i, region)).map((i) => ({ id: i.InstanceId, type: 'instance', tags: i.Tags })),
    ...Object.values(world.volumes).filter((v) => volumeVisible(world, v, region)).map((v) => ({ id: v.VolumeId, type: 'volume', tags: v.Tags })),
    ...Object.values(world.snapshots)
      .filter((s) => snapshotVisible(world, s, region) && s.OwnerId === world.accountId)
      .map((s) => ({ id: s.SnapshotId, type: 'snapshot', tags: s.Tags })),
    ...Object.values(world.images)
      .filter((i) => i.Region === region && i.OwnerId === world.accountId && i.State !== 'deregistered')
      .map((i) => ({ id: i.ImageId, type: 'image', tags: i.Tags })),
  ];
}

export function DescribeTags(tx: Tx, p: Params): unknown {
  const matches = compileFilters(p, TAG_FILTERS);
  const rows = ownTagged(tx.world, tx.region).flatMap((r) =>
    r.tags.map((t) => ({ Key: t.Key, Value: t.Value, ResourceId: r.id, ResourceType: r.type, Tags: [] as Tag[] })),
  );
  return { Tags: rows.filter(matches).map(({ Key, ResourceId, ResourceType, Value }) => ({ Key, ResourceId, ResourceType, Value })) };
}
