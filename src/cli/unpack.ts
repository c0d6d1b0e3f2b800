// From option strings to API parameter values, as awscli/argprocess.py and botocore's
// client-side validation do it: scalars typed per the model, structures and lists of structures
// as JSON (when the value starts with `{` or `[`) or shorthand, then a check of every value
// against its shape that reports all problems at once in botocore's words.
import { parsePythonJson } from './pyjson.ts';
import { FloatConversionError, IntConversionError, pyStr, pythonFloat, pythonInt } from './python.ts';
import { ShorthandParseError, ShorthandParser, applyShape } from './shorthand.ts';
import { isComplex, type Shape } from './shapes.ts';

/** How a failed conversion is reported: `param` = ParamError (252), `general` = a Python exception (255). */
export interface UnpackFailure {
  readonly kind: 'param' | 'general';
  readonly message: string;
}

export type Unpacked = { ok: true; value: unknown } | { ok: false; failure: UnpackFailure };

/**
 * The prefixes AWS CLI v2 loads a parameter value from: local files only. v2 no longer fetches
 * http:// or https:// values, it passes them on as literal text (AWS CLI User Guide, "Migrating
 * from AWS CLI version 1 to version 2"), so those are ordinary values here.
 */
const FILE_PREFIXES = ['file://', 'fileb://'];

function paramError(cliName: string, message: string): Unpacked {
  return { ok: false, failure: { kind: 'param', message: `Error parsing parameter '${cliName}': ${message}` } };
}

/** file:// and fileb:// values: the real CLI would read the file; the simulator has no files. */
function fileSource(cliName: string, value: string): Unpacked | null {
  const prefix = FILE_PREFIXES.find((p) => value.startsWith(p));
  if (prefix === undefined) return null;
  return paramError(
    cliName,
    `Unable to load paramfile ${value}: ${prefix} values are not available in this simulator, which cannot read ` +
      'your files. Paste the value inline instead (JSON or shorthand).',
  );
}

function parseJson(cliName: string, text: string): Unpacked {
  const parsed = parsePythonJson(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return paramError(cliName, `Invalid JSON: ${parsed.message}\nJSON received: ${text}`);
}

function looksLikeJson(value: string): boolean {
  const t = value.trim();
  return t.startsWith('[') || t.startsWith('{');
}

function parseShorthand(cliName: string, text: string, shape: Shape): Unpacked {
  // A structure whose only member is a string `Value` takes the bare value (--description "x").
  if (shape.type === 'structure' && Object.keys(shape.members).length === 1 &&
    shape.members['Value']?.type === 'string' && !text.includes('=')) {
    return { ok: true, value: { Value: text } };
  }
  try {
    const parsed = new ShorthandParser().parse(text);
    return { ok: true, value: applyShape(parsed, shape) };
  } catch (e) {
    if (e instanceof ShorthandParseError) return paramError(cliName, e.message);
    if (e instanceof IntConversionError || e instanceof FloatConversionError) {
      return { ok: false, failure: { kind: 'general', message: e.message } };
    }
    throw e;
  }
}

/** One scalar value typed as unpack_scalar_cli_arg does. */
function scalar(value: string, shape: Shape): Unpacked {
  try {
    if (shape.type === 'integer') return { ok: true, value: pythonInt(value) };
    if (shape.type === 'double') return { ok: true, value: pythonFloat(value) };
  } catch (e) {
    if (e instanceof IntConversionError || e instanceof FloatConversionError) {
      return { ok: false, failure: { kind: 'general', message: e.message } };
    }
    throw e;
  }
  return { ok: true, value };
}

/**
 * Converts the string(s) given for one option into its API value. `values` has one element
 * for scalar and structure options, and every word given for list options.
 */
export function unpackOption(cliName: string, shape: Shape, values: readonly string[]): Unpacked {
  for (const v of values) {
    const file = fileSource(cliName, v);
    if (file !== null) return file;
  }
  const first = values[0] ?? '';
  if (shape.type === 'list') {
    if (values.length === 1 && first.trim().startsWith('[')) return parseJson(cliName, first);
    const member = shape.member;
    if (isComplex(shape)) {
      // The first word decides for all of them: JSON objects, or shorthand.
      const json = looksLikeJson(first);
      const items: unknown[] = [];
      for (const v of values) {
        const item = !json
          ? parseShorthand(cliName, v, member)
          : v.trim().startsWith('{') ? parseJson(cliName, v) : paramError(cliName, `Invalid JSON:\n${v}`);
        if (!item.ok) return item;
        items.push(item.value);
      }
      return { ok: true, value: items };
    }
    const items: unknown[] = [];
    for (const v of values) {
      const item = scalar(v, member);
      if (!item.ok) return item;
      items.push(item.value);
    }
    return { ok: true, value: items };
  }
  if (shape.type === 'structure') {
    if (looksLikeJson(first)) {
      if (first.trim().startsWith('[')) return paramError(cliName, `Invalid JSON:\n${first}`);
      return parseJson(cliName, first);
    }
    return parseShorthand(cliName, first, shape);
  }
  return scalar(first, shape);
}

// ---- botocore.validate: client-side checks of types and member names ------------------------

const VALID_TYPES: Record<Shape['type'], string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  boolean: "<class 'bool'>",
  list: "<class 'list'>, <class 'tuple'>",
  structure: "<class 'dict'>",
};

/** Python's type() name for a parsed JSON value. */
function pyType(value: unknown): string {
  if (value === null) return "<class 'NoneType'>";
  if (typeof value === 'string') return "<class 'str'>";
  if (typeof value === 'boolean') return "<class 'bool'>";
  if (typeof value === 'number') return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  if (Array.isArray(value)) return "<class 'list'>";
  return "<class 'collections.OrderedDict'>";
}

function typeMatches(value: unknown, shape: Shape): boolean {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value));
    case 'double':
      return typeof value === 'number' || typeof value === 'boolean';
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value);
    case 'structure':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
  }
}

function validate(value: unknown, shape: Shape, name: string, errors: string[]): void {
  if (!typeMatches(value, shape)) {
    errors.push(
      `Invalid type for parameter ${name}, value: ${pyStr(value)}, type: ${pyType(value)}, valid types: ${VALID_TYPES[shape.type]}`,
    );
    return;
  }
  if (shape.type === 'list') {
    (value as unknown[]).forEach((item, i) => validate(item, shape.member, `${name}[${i}]`, errors));
  } else if (shape.type === 'structure') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(shape.members);
    for (const [key, v] of Object.entries(record)) {
      const member = shape.members[key];
      if (member === undefined) {
        errors.push(`Unknown parameter in ${name}: "${key}", must be one of: ${members.join(', ')}`);
      } else {
        validate(v, member, `${name}.${key}`, errors);
      }
    }
  }
}

/** The "Parameter validation failed:" message for these API params, or null when they are valid. */
export function validateParams(params: Record<string, unknown>, shapes: ReadonlyMap<string, Shape>): string | null {
  const errors: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    const shape = shapes.get(name);
    if (shape !== undefined) validate(value, shape, name, errors);
  }
  return errors.length === 0 ? null : `Parameter validation failed:\n${errors.join('\n')}`;
}
