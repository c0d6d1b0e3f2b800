// JSON values on the command line are read by Python's json module in the real CLI, and its
// error messages ("Expecting ',' delimiter: line 1 column 12 (char 11)") are what a learner
// sees after a typo. This small recursive-descent reader gives the same messages.

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

class JsonSyntaxError extends Error {
  readonly pos: number;
  constructor(message: string, pos: number) {
    super(message);
    this.pos = pos;
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Reader {
  private readonly s: string;
  pos = 0;
  constructor(s: string) {
    this.s = s;
  }

  skipWs(): void {
    while (this.pos < this.s.length && WS.has(this.s[this.pos] ?? '')) this.pos++;
  }

  value(): unknown {
    const c = this.s[this.pos];
    if (c === '"') return this.string();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    for (const [word, value] of [['null', null], ['true', true], ['false', false], ['NaN', NaN], ['Infinity', Infinity],
      ['-Infinity', -Infinity]] as const) {
      if (this.s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    const m = NUMBER.exec(this.s.slice(this.pos));
    if (m !== null) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    throw new JsonSyntaxError('Expecting value', this.pos);
  }

  string(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= this.s.length) throw new JsonSyntaxError('Unterminated string starting at', start);
      const c = this.s[this.pos] ?? '';
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < ' ') throw new JsonSyntaxError('Invalid control character at', this.pos);
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.s[this.pos + 1];
      if (e === undefined) throw new JsonSyntaxError('Unterminated string starting at', start);
      if (e === 'u') {
        const hex = this.s.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('Invalid \\uXXXX escape', this.pos + 1);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
        continue;
      }
      const decoded = ESCAPES[e];
      if (decoded === undefined) throw new JsonSyntaxError('Invalid \\escape', this.pos);
      out += decoded;
      this.pos += 2;
    }
  }

  object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.skipWs();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      if (this.s[this.pos] !== '"') throw new JsonSyntaxError('Expecting property name enclosed in double quotes', this.pos);
      const key = this.string();
      this.skipWs();
      if (this.s[this.pos] !== ':') throw new JsonSyntaxError("Expecting ':' delimiter", this.pos);
      this.pos++;
      this.skipWs();
      out[key] = this.value();
      this.skipWs();
      const c = this.s[this.pos];
      this.pos++;
      if (c === '}') return out;
      if (c !== ',') throw new JsonSyntaxError("Expecting ',' delimiter", this.pos - 1);
      this.skipWs();
    }
  }

  array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.skipWs();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipWs();
      const c = this.s[this.pos];
      this.pos++;
      if (c === ']') return out;
      if (c !== ',') throw new JsonSyntaxError("Expecting ',' delimiter", this.pos - 1);
      this.skipWs();
    }
  }
}

function where(s: string, pos: number): string {
  const before = s.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `line ${line} column ${column} (char ${pos})`;
}

/** json.loads: the value, or Python's error message with its line, column and char position. */
export function parsePythonJson(s: string): JsonResult {
  const reader = new Reader(s);
  try {
    reader.skipWs();
    const value = reader.value();
    reader.skipWs();
    if (reader.pos !== s.length) throw new JsonSyntaxError('Extra data', reader.pos);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, message: `${e.message}: ${where(s, e.pos)}` };
    // Only a pathologically deep nesting gets here (the JS stack, like Python's recursion limit).
    return { ok: false, message: 'maximum recursion depth exceeded while decoding a JSON document' };
  }
}
