// Simulator-only actions on the data of a running instance: WriteFile, DeleteFile, InstallPackage,
// ReadFile, ListFiles; and DescribeStorage, the snapshot storage ledger (reference §4).
import { attachedVolumes } from '../indexes.ts';
import { getInstance } from '../access.ts';
import { BLOCK_BYTES, byteLength, deleteFile, filesOfBlocks, writeGroups } from '../blocks.ts';
import { billedBlocks, roundUSD, snapshotMonthlyUSD } from '../ledger.ts';
import { PACKAGES, PACKAGE_NAMES } from '../catalog.ts';
import { fail, invalidValue } from '../errors.ts';
import { optString, reqString, type Params } from '../params.ts';
import type { Instance, Volume, World } from '../types.ts';
import type { Tx } from '../world.ts';

/** Largest content WriteFile accepts (keeps the World small; the data model counts blocks, not bytes). */
export const MAX_FILE_CHARS = 64 * 1024;

export interface Mount {
  MountPoint: string;
  Volume: Volume;
}

/**
 * Where each attached volume appears in the instance's file tree: the root device at `/`, any other
 * device /dev/sdX or /dev/xvdX at /mnt/sdX. MODEL CHOICE: volumes are mounted as soon as attached.
 */
export function mountsOf(world: World, instance: Instance): Mount[] {
  return attachedVolumes(world, instance.InstanceId)
    .filter((v) => v.Attachment?.State === 'attached')
    .map((v) => {
      const device = v.Attachment?.Device ?? '';
      const MountPoint = device === instance.RootDeviceName ? '/' : `/mnt/${device.replace(/^\/dev\//, '').replace(/^xvd/, 'sd')}`;
      return { MountPoint, Volume: v };
    })
    .sort((a, b) => b.MountPoint.length - a.MountPoint.length);
}

export function checkPath(path: string, label = 'Path'): void {
  const ok = path.startsWith('/') && (path === '/' || (!path.endsWith('/') && path.split('/').slice(1).every((seg) => seg !== '' && seg !== '.' && seg !== '..')));
  if (!ok) invalidValue(label, path, 'Use an absolute path like /home/ec2-user/notes.txt (no "..", no trailing "/").');
}

/** The mount holding `path` and the path relative to that volume's root. */
export function resolvePath(mounts: Mount[], path: string): { mount: Mount; rel: string } | null {
  for (const mount of mounts) {
    if (mount.MountPoint === '/') return { mount, rel: path };
    if (path === mount.MountPoint) return { mount, rel: '/' };
    if (path.startsWith(`${mount.MountPoint}/`)) return { mount, rel: path.slice(mount.MountPoint.length) };
  }
  return null;
}

function absolute(mount: Mount, rel: string): string {
  return mount.MountPoint === '/' ? rel : `${mount.MountPoint}${rel}`;
}

function runningInstance(tx: Tx, p: Params): Instance {
  const instance = getInstance(tx.world, tx.region, reqString(p, 'InstanceId'));
  if (instance.State !== 'running') {
    fail('IncorrectInstanceState', `The instance '${instance.InstanceId}' is not in the 'running' state (it is '${instance.State}'); files are reachable only on a running instance.`);
  }
  return instance;
}

function locate(tx: Tx, instance: Instance, path: string): { mount: Mount; rel: string } {
  checkPath(path);
  const found = resolvePath(mountsOf(tx.world, instance), path);
  if (!found) return fail('IncorrectInstanceState', `The instance '${instance.InstanceId}' has no root volume attached.`);
  return found;
}

function fileNotFound(path: string): never {
  return fail('FileNotFound', `No such file: ${path}`);
}

export function WriteFile(tx: Tx, p: Params): unknown {
  const instance = runningInstance(tx, p);
  const path = reqString(p, 'Path');
  const content = optString(p, 'Content') ?? invalidValue('Content', p['Content'], 'Content must be a string.');
  if (content.length > MAX_FILE_CHARS) invalidValue('Content', `${content.slice(0, 20)}...`, `At most ${MAX_FILE_CHARS} characters.`);
  const { mount, rel } = locate(tx, instance, path);
  const files = filesOfBlocks(tx.world, mount.Volume.Blocks);
  if (rel === '/' || files.some((f) => f.Path.startsWith(`${rel}/`))) invalidValue('Path', path, 'Is a directory.');
  const parentFile = files.find((f) => rel.startsWith(`${f.Path}/`));
  if (parentFile) invalidValue('Path', path, `Not a directory: ${absolute(mount, parentFile.Path)} is a file.`);
  const { volume, changed } = writeGroups(tx, mount.Volume, [{ [rel]: content }]);
  tx.put('volumes', volume.VolumeId, volume);
  tx.emit('FileWritten', volume.VolumeId, `${path} written on ${instance.InstanceId} (${volume.VolumeId}, block ${changed.join(', ')})`);
  return { InstanceId: instance.InstanceId, VolumeId: volume.VolumeId, ChangedBlocks: changed };
}

export function DeleteFile(tx: Tx, p: Params): unknown {
  const instance = runningInstance(tx, p);
  const path = reqString(p, 'Path');
  const { mount, rel } = locate(tx, instance, path);
  const result = deleteFile(tx, mount.Volume, rel) ?? fileNotFound(path);
  tx.put('volumes', result.volume.VolumeId, result.volume);
  tx.emit('FileDeleted', result.volume.VolumeId, `${path} deleted on ${instance.InstanceId} (${result.volume.VolumeId}, block ${result.changed.join(', ')})`);
  return { InstanceId: instance.InstanceId, VolumeId: result.volume.VolumeId, ChangedBlocks: result.changed };
}

export function InstallPackage(tx: Tx, p: Params): unknown {
  const instance = runningInstance(tx, p);
  const name = reqString(p, 'Package');
  const pkg = (Object.hasOwn(PACKAGES, name) ? PACKAGES[name] : undefined) ?? invalidValue('Package', name, `Known packages: ${PACKAGE_NAMES.join(', ')}.`);
  const { mount } = locate(tx, instance, '/');
  const { volume, changed } = writeGroups(tx, mount.Volume, pkg.blocks);
  tx.put('volumes', volume.VolumeId, volume);
  tx.emit('PackageInstalled', volume.VolumeId, `${name} installed on ${instance.InstanceId}: ${changed.length} block(s) of ${volume.VolumeId} changed`);
  return { InstanceId: instance.InstanceId, VolumeId: volume.VolumeId, ChangedBlocks: changed };
}

export function ReadFile(tx: Tx, p: Params): unknown {
  const instance = runningInstance(tx, p);
  const path = reqString(p, 'Path');
  const { mount, rel } = locate(tx, instance, path);
  const file = filesOfBlocks(tx.world, mount.Volume.Blocks).find((f) => f.Path === rel) ?? fileNotFound(path);
  return { Path: path, Content: file.Content, VolumeId: mount.Volume.VolumeId };
}

export function ListFiles(tx: Tx, p: Params): unknown {
  const instance = runningInstance(tx, p);
  const path = optString(p, 'Path') ?? '/';
  checkPath(path);
  const prefix = path === '/' ? '/' : `${path}/`;
  const files = mountsOf(tx.world, instance)
    .flatMap((mount) => filesOfBlocks(tx.world, mount.Volume.Blocks).map((f) => ({ Path: absolute(mount, f.Path), VolumeId: mount.Volume.VolumeId, Size: byteLength(f.Content) })))
    .filter((f) => f.Path === path || f.Path.startsWith(prefix))
    .sort((a, b) => (a.Path < b.Path ? -1 : a.Path > b.Path ? 1 : 0));
  if (files.length === 0 && path !== '/') fileNotFound(path);
  return { Files: files };
}

export function DescribeStorage(tx: Tx): unknown {
  let cost = 0;
  let total = 0;
  const Snapshots = Object.values(tx.world.snapshots)
    .filter((s) => s.Region === tx.region && s.OwnerId === tx.world.accountId)
    .map((s) => {
      const { standard, archive } = billedBlocks(s);
      cost += snapshotMonthlyUSD(s);
      total += (standard + archive) * BLOCK_BYTES;
      return { SnapshotId: s.SnapshotId, VolumeId: s.VolumeId, StoredBlocks: standard + archive, StoredBytes: (standard + archive) * BLOCK_BYTES };
    });
  return { Snapshots, TotalStoredBytes: total, MonthlyCostUSD: roundUSD(cost) };
}
