// Python's spelling of values, for messages and output the AWS CLI (a Python program) prints:
// str() and repr() of parsed JSON values, and int()/float() with their error messages.

/** Python repr() of a string: single quotes unless the text has a single quote and no double one. */
export function pyReprString(s: string): string {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** Python repr() of a parsed JSON value. */
function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyReprString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pyReprString(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return pyStr(value);
}

/** Python str() of a parsed JSON value: None, True, False, numbers, text as is. */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

/** Raised for a number the model wants as an integer but Python's int() would reject. */
export class IntConversionError extends Error {
  constructor(value: string) {
    super(`invalid literal for int() with base 10: ${pyReprString(value)}`);
  }
}

/** Python's int(str): optional sign, digits with single underscores between them, blanks around. */
export function pythonInt(value: string): number {
  const m = /^\s*([-+]?)(\d+(?:_\d+)*)\s*$/.exec(value);
  if (m === null) throw new IntConversionError(value);
  return Number(`${m[1] ?? ''}${(m[2] ?? '').replaceAll('_', '')}`);
}

/** Raised for a value the model wants as a float but Python's float() would reject. */
export class FloatConversionError extends Error {
  constructor(value: string) {
    super(`could not convert string to float: ${pyReprString(value)}`);
  }
}

/** Python's float(str): a decimal or exponent number, inf or nan, blanks around. */
export function pythonFloat(value: string): number {
  const t = value.trim().toLowerCase().replace(/^([-+]?)(infinity|inf)$/, '$1Infinity');
  if (t === 'nan' || t === '+nan' || t === '-nan') return NaN;
  if (!/^[-+]?(\d+\.?\d*(e[-+]?\d+)?|\.\d+(e[-+]?\d+)?|infinity)$/i.test(t)) throw new FloatConversionError(value);
  return Number(t);
}
