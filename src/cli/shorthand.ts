// The AWS CLI shorthand syntax (`Key=Name,Value=web`, `Add=[{Group=all}]`), ported from
// awscli/shorthand.py: the same grammar, the same backtracking for `a=b,c,d=e`, the same error
// text, then the same model-driven fix-ups (numbers and booleans typed per the shape, a lone
// value where a list is expected wrapped in a list).
import type { Shape } from './shapes.ts';

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export class ShorthandParseError extends Error {
  constructor(value: string, expected: string, actual: string, index: number) {
    const lastNewline = value.slice(0, index).lastIndexOf('\n');
    const spaces = lastNewline === -1 ? index : index - lastNewline - 1;
    super(`Expected: '${expected}', received: '${actual}' for input:\n${value}\n${' '.repeat(spaces)}^\n`);
  }
}

// Character classes of the Python regexes: the first character of a value may not be one of
// space " ' , = [ {; later characters of a csv value may not be space " ' , ] } (in explicit
// lists) or space " ' , = (after the first value of a csv list).
const FIRST_VALUE = /((\\,)|[!#-&(-+\--<>-Z\\-z|-\uffff])((\\,)|[!#-&(-+\--\\^-|~-\uffff])*/uy;
const SECOND_VALUE = /((\\,)|[!#-&(-+\--<>-Z\\-z|-\uffff])((\\,)|[!#-&(-+\--<>-\uffff])*/uy;
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/uy;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/uy;
const KEY_CHAR = /[A-Za-z0-9]/;
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);

export class ShorthandParser {
  private input = '';
  private index = 0;

  parse(value: string): { [key: string]: ShorthandValue } {
    this.input = value;
    this.index = 0;
    return this.parameter();
  }

  private parameter(): { [key: string]: ShorthandValue } {
    const params: { [key: string]: ShorthandValue } = {};
    Object.assign(params, this.keyval());
    while (this.index < this.input.length) {
      this.expect(',', true);
      Object.assign(params, this.keyval());
    }
    return params;
  }

  private keyval(): { [key: string]: ShorthandValue } {
    const key = this.key();
    this.expect('=', true);
    return { [key]: this.values() };
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHAR.test(this.current())) this.index++;
    return this.input.slice(start, this.index);
  }

  private values(): ShorthandValue {
    if (this.atEof()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.input[this.index] !== ',') return first;
    this.expect(',', true);
    const csv: ShorthandValue[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.atEof()) {
          csv.push(current);
          break;
        }
        this.expect(',', true);
        csv.push(current);
      } catch (e) {
        if (!(e instanceof ShorthandParseError) || this.atEof()) throw e;
        this.backtrackTo(',');
        break;
      }
    }
    return csv.length === 1 ? first : csv;
  }

  private value(): string {
    const m = this.matchAt(FIRST_VALUE);
    if (m === null) return '';
    this.index += m.length;
    return m.replaceAll('\\,', ',');
  }

  private explicitList(): ShorthandValue[] {
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValues(): ShorthandValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): { [key: string]: ShorthandValue } {
    this.expect('{', true);
    const keyvals: { [key: string]: ShorthandValue } = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.expect('=', true);
      const v = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      keyvals[key] = v;
    }
    this.expect('}');
    return keyvals;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.consumeQuoted(SINGLE_QUOTED, "'", 'singled quoted');
    if (this.current() === '"') return this.consumeQuoted(DOUBLE_QUOTED, '"', 'double quoted');
    return this.value();
  }

  private secondValue(): string {
    if (this.current() === "'") return this.consumeQuoted(SINGLE_QUOTED, "'", 'singled quoted');
    if (this.current() === '"') return this.consumeQuoted(DOUBLE_QUOTED, '"', 'double quoted');
    return this.mustConsume(SECOND_VALUE, 'second').replaceAll('\\,', ',');
  }

  private consumeQuoted(regex: RegExp, quote: string, name: string): string {
    return this.mustConsume(regex, name).slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.input.length) throw new ShorthandParseError(this.input, char, 'EOF', this.index);
    const actual = this.input[this.index] ?? '';
    if (actual !== char) throw new ShorthandParseError(this.input, char, actual, this.index);
    this.index++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private matchAt(regex: RegExp): string | null {
    regex.lastIndex = this.index;
    const m = regex.exec(this.input);
    return m === null ? null : m[0];
  }

  private mustConsume(regex: RegExp, name: string): string {
    const m = this.matchAt(regex);
    if (m === null) throw new ShorthandParseError(this.input, `<${name}>`, '<none>', this.index);
    this.index += m.length;
    return m;
  }

  /** The current character, or '' at the end (Python's _EOF sentinel never equals a character). */
  private current(): string {
    return this.index < this.input.length ? (this.input[this.index] ?? '') : '';
  }

  private atEof(): boolean {
    return this.index >= this.input.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.input[this.index] !== char) this.index--;
  }

  private consumeWhitespace(): void {
    while (!this.atEof() && WHITESPACE.has(this.current())) this.index++;
  }
}

/** Raised for a number the model wants as an integer but Python's int() would reject. */
export class IntConversionError extends Error {
  constructor(value: string) {
    super(`invalid literal for int() with base 10: '${value}'`);
  }
}

/** Python's int(str): optional sign, digits with single underscores between them, blanks around. */
export function pythonInt(value: string): number {
  const m = /^\s*([-+]?)(\d+(?:_\d+)*)\s*$/.exec(value);
  if (m === null) throw new IntConversionError(value);
  return Number(`${m[1] ?? ''}${(m[2] ?? '').replaceAll('_', '')}`);
}

/**
 * BackCompatVisitor: walks the parsed value along the shape and, in place, turns numbers and
 * booleans into their types, wraps a lone value where a list is expected, and expands a list of
 * values into single-member structures (`Values=a,b` stays a list of strings).
 */
export function applyShape(value: unknown, shape: Shape): unknown {
  switch (shape.type) {
    case 'structure': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const record = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members)) {
        if (record[name] !== undefined) record[name] = applyShape(record[name], member);
      }
      return record;
    }
    case 'list': {
      if (!Array.isArray(value)) return [value];
      const member = shape.member;
      if (member.type === 'structure' && Object.keys(member.members).length === 1) {
        const only = Object.keys(member.members)[0] ?? '';
        return value.map((v) => ({ [only]: v }));
      }
      return value.map((v) => applyShape(v, member));
    }
    case 'integer':
      return typeof value === 'string' ? pythonInt(value) : value;
    case 'double': {
      if (typeof value !== 'string') return value;
      const n = Number(value.trim());
      if (value.trim() === '' || Number.isNaN(n)) throw new IntConversionError(value);
      return n;
    }
    case 'boolean':
      if (typeof value === 'string' && value.toLowerCase() === 'true') return true;
      if (typeof value === 'string' && value.toLowerCase() === 'false') return false;
      return value;
    default:
      return value;
  }
}
