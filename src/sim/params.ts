// Typed readers for untrusted call parameters. Anything of the wrong type becomes an
// InvalidParameterValue, anything required and absent a MissingParameter, never a throw of another kind.
import { invalidValue, missingParameter } from './errors.ts';

export type Params = Record<string, unknown>;

export function asParams(value: unknown): Params {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : {};
}

export function optString(p: Params, name: string, label = name): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return invalidValue(label, v);
  return v;
}

export function reqString(p: Params, name: string, label = name): string {
  const v = optString(p, name, label);
  if (v === undefined || v === '') return missingParameter(label);
  return v;
}

export function optInt(p: Params, name: string, label = name): number | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) return invalidValue(label, v);
  return n;
}

export function optNumber(p: Params, name: string, label = name): number | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) return invalidValue(label, v);
  return n;
}

export function optBool(p: Params, name: string, label = name): boolean | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return invalidValue(label, v);
}

/** A list of strings; a lone string is accepted as a one-item list (the CLI's shorthand does the same). */
export function optStringList(p: Params, name: string, label = name): string[] | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return invalidValue(label, v);
  return v as string[];
}

export function optObject(p: Params, name: string, label = name): Params | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) return invalidValue(label, v);
  return v as Params;
}

export function optObjectList(p: Params, name: string, label = name): Params[] | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) return invalidValue(label, v);
  return list as Params[];
}

export interface Filter {
  Name: string;
  Values: string[];
}

export function optFilters(p: Params): Filter[] {
  const list = optObjectList(p, 'Filters') ?? [];
  return list.map((f, i) => ({
    Name: reqString(f, 'Name', `Filters.${i + 1}.Name`),
    Values: optStringList(f, 'Values', `Filters.${i + 1}.Values`) ?? [],
  }));
}
