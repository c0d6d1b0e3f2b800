// checkInvariants(world): the checkable invariants of reference §3 and of the block model (§4),
// plus referential integrity. Returns human-readable violations; [] when all hold.
import { holdsStandardCopy } from './blocks.ts';
import { AVAILABILITY_ZONES } from './catalog.ts';
import { isWellFormedId } from './ids.ts';
import { recomputeIndexes } from './indexes.ts';
import type { World } from './types.ts';

export function checkInvariants(world: World): string[] {
  const out: string[] = [];
  const v = (msg: string) => out.push(msg);
  const seen = new Set<string>();
  const unique = (id: string) => {
    if (seen.has(id)) v(`id ${id} is used twice`);
    seen.add(id);
  };

  for (const [id, i] of Object.entries(world.instances)) {
    unique(id);
    if (id !== i.InstanceId || !isWellFormedId('i', id)) v(`instance key ${id} does not match its id ${i.InstanceId}`);
    if (!AVAILABILITY_ZONES[i.Region]?.includes(i.AvailabilityZone)) v(`I1: instance ${id} is in unknown AZ ${i.AvailabilityZone}`);
    if (!world.reservations[i.ReservationId]) v(`instance ${id} points at missing reservation ${i.ReservationId}`);
    const transitional = i.State === 'pending' || i.State === 'stopping' || i.State === 'shutting-down';
    if (transitional !== (i.TransitionAt !== null)) v(`instance ${id} is ${i.State} with TransitionAt ${i.TransitionAt}`);
    if ((i.State === 'terminated') !== (i.PurgeAt !== null)) v(`I25: instance ${id} is ${i.State} with PurgeAt ${i.PurgeAt}`);
    if (world.purgedInstances[id]) v(`instance ${id} is both listed and purged`);
    if (i.State === 'running' && !Object.values(world.volumes).some((x) => x.Attachment?.InstanceId === id && x.Attachment.Device === i.RootDeviceName)) {
      v(`I7: running instance ${id} has no root volume at ${i.RootDeviceName}`);
    }
  }

  const devices = new Set<string>();
  const blockRefs = new Map<string, number>();
  const ref = (blk: string) => blockRefs.set(blk, (blockRefs.get(blk) ?? 0) + 1);
  for (const [id, vol] of Object.entries(world.volumes)) {
    unique(id);
    if (id !== vol.VolumeId || !isWellFormedId('vol', id)) v(`volume key ${id} does not match its id ${vol.VolumeId}`);
    if (!AVAILABILITY_ZONES[vol.Region]?.includes(vol.AvailabilityZone)) v(`I1: volume ${id} is in unknown AZ ${vol.AvailabilityZone}`);
    const a = vol.Attachment;
    if (vol.State === 'in-use' && !a) v(`I4: volume ${id} is in-use without an attachment`);
    if (vol.State !== 'in-use' && a) v(`I4: volume ${id} is ${vol.State} but attached to ${a.InstanceId}`);
    if (a) {
      const inst = world.instances[a.InstanceId];
      if (!inst) v(`volume ${id} is attached to missing instance ${a.InstanceId}`);
      else {
        if (inst.AvailabilityZone !== vol.AvailabilityZone) v(`I1: volume ${id} (${vol.AvailabilityZone}) is attached to ${inst.InstanceId} in ${inst.AvailabilityZone}`);
        if (inst.State === 'terminated') v(`I19: volume ${id} is still attached to terminated ${inst.InstanceId}`);
      }
      const key = `${a.InstanceId} ${a.Device}`;
      if (devices.has(key)) v(`I6: device ${a.Device} is used twice on ${a.InstanceId}`);
      devices.add(key);
      if ((a.State === 'attached') !== (a.TransitionAt === null)) v(`attachment of ${id} is ${a.State} with TransitionAt ${a.TransitionAt}`);
    }
    if (vol.SnapshotId) {
      const s = world.snapshots[vol.SnapshotId];
      if (s && vol.Size < s.VolumeSize) v(`I17: volume ${id} (${vol.Size} GiB) is smaller than its snapshot ${s.SnapshotId} (${s.VolumeSize} GiB)`);
      if (s?.Encrypted && !vol.Encrypted) v(`I18: volume ${id} from encrypted ${s.SnapshotId} is unencrypted`);
    }
    if (vol.KmsKeyId !== null && !vol.Encrypted) v(`volume ${id} has a KMS key but is not encrypted`);
    for (const [index, blk] of Object.entries(vol.Blocks)) {
      if (!(Number(index) >= 0 && Number(index) < vol.Size)) v(`volume ${id} has block ${index} outside its ${vol.Size} GiB`);
      if (!world.blocks[blk]) v(`volume ${id} block ${index} points at missing ${blk}`);
      ref(blk);
    }
  }

  const lineageOwners = new Map<string, Map<string, string>>();
  for (const [id, s] of Object.entries(world.snapshots)) {
    unique(id);
    if (id !== s.SnapshotId || !isWellFormedId('snap', id)) v(`snapshot key ${id} does not match its id ${s.SnapshotId}`);
    if (s.State === 'pending' && s.Tier !== 'standard') v(`snapshot ${id} is pending but in tier ${s.Tier}`);
    if (s.KmsKeyId !== null && !s.Encrypted) v(`snapshot ${id} has a KMS key but is not encrypted`);
    const source = world.volumes[s.VolumeId];
    if (source && source.Encrypted && !s.Encrypted) v(`I18: snapshot ${id} of encrypted ${s.VolumeId} is unencrypted`);
    const copied = s.CopiedFrom ? world.snapshots[s.CopiedFrom] : undefined;
    if (copied?.Encrypted && !s.Encrypted) v(`I18: copy ${id} of encrypted ${copied.SnapshotId} is unencrypted`);
    if (Object.keys(s.Image).length > s.VolumeSize) v(`snapshot ${id} images more blocks than its ${s.VolumeSize} GiB`);
    const imageVersions = new Set(Object.values(s.Image));
    for (const blk of s.Owned) if (!imageVersions.has(blk)) v(`snapshot ${id} owns ${blk} outside its own image`);
    if (!holdsStandardCopy(s.Tier) && s.Owned.length > 0) v(`B7: archived snapshot ${id} still owns standard-tier blocks`);
    for (const blk of Object.values(s.Image)) {
      if (!world.blocks[blk]) v(`I22: snapshot ${id} image points at missing ${blk}`);
      ref(blk);
    }
    const users = Object.values(world.images).filter((img) => img.State !== 'deregistered' && img.BlockDeviceMappings.some((m) => m.Ebs?.SnapshotId === id));
    // Only disabled AMIs may keep snapshots outside the standard tier: one that can launch needs them usable.
    const launchable = users.filter((u) => u.State !== 'disabled');
    if (launchable.length > 0 && s.Tier !== 'standard') v(`I24: snapshot ${id} is ${s.Tier} but used by ${launchable.map((u) => `${u.ImageId} (${u.State})`).join(', ')}`);
    if (holdsStandardCopy(s.Tier)) {
      const key = `${s.Region} ${s.Lineage}`;
      const owners = lineageOwners.get(key) ?? new Map<string, string>();
      lineageOwners.set(key, owners);
      for (const blk of s.Owned) {
        const other = owners.get(blk);
        if (other) v(`B4: ${blk} is stored by both ${other} and ${id}`);
        owners.set(blk, id);
      }
    }
  }
  // B3/I22: every block a standard-tier snapshot needs is stored by some snapshot of its lineage.
  for (const s of Object.values(world.snapshots)) {
    if (!holdsStandardCopy(s.Tier)) continue;
    const owners = lineageOwners.get(`${s.Region} ${s.Lineage}`);
    for (const blk of new Set(Object.values(s.Image))) {
      if (!owners?.has(blk)) v(`I22: ${blk} needed by ${s.SnapshotId} is stored by no snapshot of its lineage`);
    }
  }

  const names = new Set<string>();
  for (const [id, img] of Object.entries(world.images)) {
    unique(id);
    if (id !== img.ImageId || !isWellFormedId('ami', id)) v(`image key ${id} does not match its id ${img.ImageId}`);
    if (img.State === 'deregistered') continue;
    const nameKey = `${img.Region} ${img.OwnerId} ${img.Name}`;
    if (names.has(nameKey)) v(`I21: AMI name "${img.Name}" is used twice by ${img.OwnerId} in ${img.Region}`);
    names.add(nameKey);
    const root = img.BlockDeviceMappings.find((m) => m.DeviceName === img.RootDeviceName);
    if (!root?.Ebs?.SnapshotId) v(`I14: image ${id} has no root snapshot`);
    for (const m of img.BlockDeviceMappings) {
      const snapId = m.Ebs?.SnapshotId;
      if (!snapId) continue;
      const s = world.snapshots[snapId];
      if (!s) v(`I10: registered image ${id} references deleted snapshot ${snapId}`);
      else {
        if (s.Region !== img.Region) v(`I2: image ${id} in ${img.Region} references ${snapId} in ${s.Region}`);
        if (img.State === 'available' && s.State !== 'completed') v(`image ${id} is available but ${snapId} is ${s.State}`);
        if (m.Ebs && m.Ebs.VolumeSize < s.VolumeSize) v(`I17: image ${id} maps ${snapId} to a ${m.Ebs.VolumeSize} GiB volume`);
      }
    }
  }

  for (const [key, r] of Object.entries(world.fastSnapshotRestores)) {
    const s = world.snapshots[r.SnapshotId];
    if (key !== `${r.SnapshotId}:${r.AvailabilityZone}`) v(`fast snapshot restore key ${key} does not match its record`);
    if (!s) v(`fast snapshot restore ${key} points at missing snapshot ${r.SnapshotId}`);
    else if (!AVAILABILITY_ZONES[s.Region]?.includes(r.AvailabilityZone)) v(`fast snapshot restore ${key} is outside the snapshot's Region`);
    else if (!holdsStandardCopy(s.Tier) || s.Tier === 'archiving') v(`fast snapshot restore ${key} on archived snapshot`);
    if ((r.State === 'enabled') !== (r.TransitionAt === null)) v(`fast snapshot restore ${key} is ${r.State} with TransitionAt ${r.TransitionAt}`);
    if (!(r.Credits >= 0 && r.Credits <= 10)) v(`fast snapshot restore ${key} has ${r.Credits} credits`);
  }

  const { StandardBlockMs, ArchiveBlockMs } = world.ledger;
  if (![StandardBlockMs, ArchiveBlockMs].every((n) => Number.isSafeInteger(n) && n >= 0)) v(`the cost ledger's block-milliseconds are not whole and non-negative (${StandardBlockMs}, ${ArchiveBlockMs})`);
  if (world.ledger.Charges.some((c) => !(c.USD > 0))) v('the cost ledger holds a negative or empty charge');

  // The derived indexes must be exactly what the records give.
  const expected = recomputeIndexes(world);
  if (JSON.stringify(world.billedBlocks) !== JSON.stringify(expected.billedBlocks)) {
    v(`index billedBlocks is ${JSON.stringify(world.billedBlocks)} but the snapshots give ${JSON.stringify(expected.billedBlocks)}`);
  }
  for (const name of ['schedule', 'attachments'] as const) {
    const keys = new Set([...Object.keys(world[name]), ...Object.keys(expected[name])]);
    for (const key of keys) {
      const has = JSON.stringify(world[name][key]);
      const want = JSON.stringify(expected[name][key]);
      if (has !== want) v(`index ${name} has ${key} = ${has ?? 'nothing'} but the records give ${want ?? 'nothing'}`);
    }
  }

  for (const [id, blk] of Object.entries(world.blocks)) {
    const count = blockRefs.get(id) ?? 0;
    if (blk.Refs !== count) v(`block ${id} has Refs ${blk.Refs} but ${count} references`);
    if (count === 0) v(`block ${id} is referenced by nothing and should have been freed`);
  }
  for (const id of blockRefs.keys()) if (!world.blocks[id]) v(`block ${id} is referenced but missing`);
  return out;
}

/**
 * Invariants about one step from `before` to `after` (what a single World can't show):
 * the clock never goes back, a terminated instance never leaves `terminated` (I25), a snapshot's
 * content never changes after it was taken (I8), and block versions are immutable.
 */
export function checkStepInvariants(before: World, after: World): string[] {
  const out: string[] = [];
  if (after.now < before.now) out.push(`the clock went back from ${before.now} to ${after.now}`);
  for (const [id, i] of Object.entries(before.instances)) {
    const next = after.instances[id];
    if (i.State === 'terminated' && next && next.State !== 'terminated') out.push(`I25: terminated instance ${id} is now ${next.State}`);
    // An instance leaves the table only by being purged after termination (one Advance may take it
    // from shutting-down to purged), and leaves a record.
    if (!next && !after.purgedInstances[id]) out.push(`instance ${id} (${i.State}) vanished without a purge record`);
  }
  for (const [id, s] of Object.entries(before.snapshots)) {
    const next = after.snapshots[id];
    if (next && next.Image !== s.Image && JSON.stringify(next.Image) !== JSON.stringify(s.Image)) out.push(`I8: the content of snapshot ${id} changed`);
  }
  for (const [id, b] of Object.entries(before.blocks)) {
    const next = after.blocks[id];
    if (next && next.Files !== b.Files && JSON.stringify(next.Files) !== JSON.stringify(b.Files)) out.push(`block version ${id} was modified`);
  }
  return out;
}
