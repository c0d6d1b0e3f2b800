// The AWS CLI shorthand syntax (`Key=Name,Value=web`, `Add=[{Group=all}]`), ported from
// awscli/shorthand.py: the same grammar, the same backtracking for `a=b,c,d=e`, the same error
// text, then the same model-driven fix-ups (numbers and booleans typed per the shape, a lone
// value where a list is expected wrapped in a list).
import { pythonFloat, pythonInt } from './python.ts';
import type { Shape } from './shapes.ts';

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

/** ShorthandParseError._error_location: the input with a caret under the offending character. */
function errorLocation(value: string, index: number): string {
  let consumed = value;
  let remaining = '';
  let spaces = index;
  const before = value.slice(0, index);
  if (before.includes('\n')) spaces = index - before.lastIndexOf('\n') - 1;
  const after = value.slice(index);
  if (after.includes('\n')) {
    const nextNewline = index + after.indexOf('\n');
    consumed = value.slice(0, nextNewline);
    remaining = value.slice(nextNewline);
  }
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

export class ShorthandParseError extends Error {}

/** ShorthandParseSyntaxError: the only error the csv backtracking recovers from. */
export class ShorthandSyntaxError extends ShorthandParseError {
  constructor(value: string, expected: string, actual: string, index: number) {
    super(`Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(value, index)}`);
  }
}

export class DuplicateKeyError extends ShorthandParseError {
  constructor(key: string, value: string, index: number) {
    super(
      `Second instance of key "${key}" encountered for input:\n${errorLocation(value, index)}\n` +
        'This is often because there is a preceeding "," instead of a space.',
    );
  }
}

// Character classes of awscli's regexes: the first character of a value may not be space " ' , =
// [ {; later characters may be blanks (trailing ones are stripped) but not " ' , ] } (first
// value) or " ' , = (later values of a csv list, so that `a=b,c=d` backtracks at `=`).
const FIRST_VALUE = /((\\,)|[!#-&(-+\--<>-Z\\-z|-\uffff])((\\,)|[\s!#-&(-+\--\\^-|~-\uffff])*/uy;
const SECOND_VALUE = /((\\,)|[!#-&(-+\--<>-Z\\-z|-\uffff])((\\,)|[\s!#-&(-+\--<>-\uffff])*/uy;
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/uy;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/uy;
const KEY_CHAR = /[A-Za-z0-9\-_.#/:]/;
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
    const [firstKey, firstValue] = this.keyval();
    params[firstKey] = firstValue;
    let lastIndex = this.index;
    while (this.index < this.input.length) {
      this.expect(',', true);
      const [key, value] = this.keyval();
      // A repeated key usually means a "," where a space (a new list item) was meant.
      if (Object.hasOwn(params, key)) throw new DuplicateKeyError(key, this.input, lastIndex + 1);
      params[key] = value;
      lastIndex = this.index;
    }
    return params;
  }

  private keyval(): [string, ShorthandValue] {
    const key = this.key();
    this.expect('=', true);
    return [key, this.values()];
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
        if (!(e instanceof ShorthandSyntaxError) || this.atEof()) throw e;
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
    return m.replaceAll('\\,', ',').trimEnd();
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
    return this.mustConsume(SECOND_VALUE, 'second').replaceAll('\\,', ',').trimEnd();
  }

  private consumeQuoted(regex: RegExp, quote: string, name: string): string {
    return this.mustConsume(regex, name).slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.input.length) throw new ShorthandSyntaxError(this.input, char, 'EOF', this.index);
    const actual = this.input[this.index] ?? '';
    if (actual !== char) throw new ShorthandSyntaxError(this.input, char, actual, this.index);
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
    if (m === null) throw new ShorthandSyntaxError(this.input, `<${name}>`, '<none>', this.index);
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

/**
 * BackCompatVisitor: walks the parsed value along the shape and turns numbers and booleans into
 * their types and a lone value where a list is expected into a one-item list.
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
    case 'list':
      return Array.isArray(value) ? value.map((v) => applyShape(v, shape.member)) : [value];
    case 'integer':
      return typeof value === 'string' ? pythonInt(value) : value;
    case 'double': {
      if (typeof value !== 'string') return value;
      return pythonFloat(value);
    }
    case 'boolean':
      if (typeof value === 'string' && value.toLowerCase() === 'true') return true;
      if (typeof value === 'string' && value.toLowerCase() === 'false') return false;
      return value;
    default:
      return value;
  }
}
