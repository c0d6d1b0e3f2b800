// CreateTags and DeleteTags on instances, volumes, snapshots and images.
import { getImageRecord, getInstance, getSnapshot, getVolume } from '../access.ts';
import { fail, missingParameter } from '../errors.ts';
import { prefixOf } from '../ids.ts';
import { optObjectList, optString, optStringList, reqString, type Params } from '../params.ts';
import { mergeTags, readTags, removeTags } from '../tagging.ts';
import type { Tag } from '../types.ts';
import type { Tx } from '../world.ts';

function retag(tx: Tx, id: string, change: (tags: Tag[]) => Tag[]): void {
  const w = tx.world;
  switch (prefixOf(id)) {
    case 'i': {
      const r = getInstance(w, tx.region, id);
      return tx.put('instances', id, { ...r, Tags: change(r.Tags) });
    }
    case 'vol': {
      const r = getVolume(w, tx.region, id);
      return tx.put('volumes', id, { ...r, Tags: change(r.Tags) });
    }
    case 'snap': {
      const r = getSnapshot(w, tx.region, id);
      if (r.OwnerId !== w.accountId) fail('UnauthorizedOperation', `You are not authorized to tag ${id}, which belongs to another account.`);
      return tx.put('snapshots', id, { ...r, Tags: change(r.Tags) });
    }
    case 'ami': {
      const r = getImageRecord(w, tx.region, id);
      if (r.OwnerId !== w.accountId) fail('UnauthorizedOperation', `You are not authorized to tag ${id}, which belongs to another account.`);
      return tx.put('images', id, { ...r, Tags: change(r.Tags) });
    }
    default:
      return fail('InvalidID', `The ID '${id}' is not valid`);
  }
}

function resources(p: Params): string[] {
  const ids = optStringList(p, 'Resources');
  if (!ids || ids.length === 0) missingParameter('ResourceId');
  return ids;
}

export function CreateTags(tx: Tx, p: Params): unknown {
  const ids = resources(p);
  const tags = readTags(optObjectList(p, 'Tags') ?? missingParameter('Tag'), 'Tag');
  for (const id of ids) {
    retag(tx, id, (existing) => {
      const merged = mergeTags(existing, tags);
      if (merged.length > 50) fail('TagLimitExceeded', `The maximum number of tags (50) for ${id} has been exceeded.`);
      return merged;
    });
  }
  return {};
}

export function DeleteTags(tx: Tx, p: Params): unknown {
  const ids = resources(p);
  const list = optObjectList(p, 'Tags');
  const removed = list?.map((t, i) => ({ Key: reqString(t, 'Key', `Tag.${i + 1}.Key`), Value: optString(t, 'Value', `Tag.${i + 1}.Value`) }));
  // Without Tags, DeleteTags removes every user tag of the resources (API:DeleteTags).
  for (const id of ids) retag(tx, id, (existing) => (removed ? removeTags(existing, removed) : []));
  return {};
}
