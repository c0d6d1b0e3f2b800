// Tags (TagSpecifications on create calls, CreateTags/DeleteTags) and describe-call Filters.
import { fail, invalidValue } from './errors.ts';
import { optFilters, optObjectList, optString, reqString, type Filter, type Params } from './params.ts';
import type { Tag } from './types.ts';

export function readTags(list: Params[] | undefined, label: string): Tag[] {
  const tags: Tag[] = [];
  (list ?? []).forEach((t, i) => {
    const Key = reqString(t, 'Key', `${label}.${i + 1}.Key`);
    const Value = optString(t, 'Value', `${label}.${i + 1}.Value`) ?? '';
    if (Key.length > 128) invalidValue(`${label}.${i + 1}.Key`, Key, 'Tag keys can have at most 128 characters.');
    if (Key.toLowerCase().startsWith('aws:')) {
      invalidValue(`${label}.${i + 1}.Key`, Key, "Tag keys starting with 'aws:' are reserved for internal use");
    }
    tags.push({ Key, Value });
  });
  return tags;
}

/** Tags requested for each resource type; ResourceTypes outside `allowed` are rejected like moto/AWS do. */
export function readTagSpecifications(p: Params, allowed: readonly string[]): Record<string, Tag[]> {
  const out: Record<string, Tag[]> = {};
  (optObjectList(p, 'TagSpecifications') ?? []).forEach((spec, i) => {
    const type = reqString(spec, 'ResourceType', `TagSpecification.${i + 1}.ResourceType`);
    if (!allowed.includes(type)) {
      fail('InvalidParameterValue', `'${type}' is not a valid taggable resource type for this operation.`);
    }
    out[type] = mergeTags(out[type] ?? [], readTags(optObjectList(spec, 'Tags'), `TagSpecification.${i + 1}.Tag`));
  });
  return out;
}

export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const byKey = new Map(existing.map((t) => [t.Key, t.Value]));
  for (const t of added) byKey.set(t.Key, t.Value);
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

/** DeleteTags semantics: a tag with a Value is removed only if the value matches. */
export function removeTags(existing: readonly Tag[], removed: ReadonlyArray<{ Key: string; Value?: string }>): Tag[] {
  return existing.filter((t) => !removed.some((r) => r.Key === t.Key && (r.Value === undefined || r.Value === t.Value)));
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** Filter name -> the values a record has for it; tag filters are handled generically. */
export type FilterFields<T> = Record<string, (record: T) => ReadonlyArray<string | number | boolean | null | undefined>>;

/** Returns a predicate for the call's Filters; an unknown filter name is an InvalidParameterValue. */
export function compileFilters<T extends { Tags: Tag[] }>(p: Params, fields: FilterFields<T>): (record: T) => boolean {
  const filters: Filter[] = optFilters(p);
  const tests = filters.map((f) => {
    const patterns = f.Values.map(wildcard);
    const matches = (values: ReadonlyArray<unknown>) => values.some((v) => v !== null && v !== undefined && patterns.some((re) => re.test(String(v))));
    if (f.Name.startsWith('tag:')) {
      const key = f.Name.slice(4);
      return (r: T) => matches(r.Tags.filter((t) => t.Key === key).map((t) => t.Value));
    }
    if (f.Name === 'tag-key') return (r: T) => matches(r.Tags.map((t) => t.Key));
    if (f.Name === 'tag-value') return (r: T) => matches(r.Tags.map((t) => t.Value));
    const field = Object.hasOwn(fields, f.Name) ? fields[f.Name] : undefined;
    if (!field) return fail('InvalidParameterValue', `The filter '${f.Name}' is invalid`);
    return (r: T) => matches(field(r));
  });
  return (record) => tests.every((t) => t(record));
}
