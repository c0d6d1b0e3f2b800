// Output formats of AWS CLI v2, ported from awscli/formatter.py, text.py and table.py:
// json (4-space indent), text (tab-separated, list key upper-cased as row prefix, scalars in
// sorted key order) and table (boxed sections titled with the operation name). --query is
// applied by the caller before formatting, as the CLI does.
import { pyStr } from './python.ts';

export type OutputFormat = 'json' | 'text' | 'table';

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Python sorts str keys by code point; so does this comparator. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- json ----------------------------------------------------------------------------------

/** json.dump(response, indent=4, ensure_ascii=False) + newline; an empty object prints nothing. */
export function formatJson(response: unknown): string {
  if (isRecord(response) && Object.keys(response).length === 0) return '';
  return `${JSON.stringify(response === undefined ? null : response, null, 4)}\n`;
}

// ---- text ----------------------------------------------------------------------------------

export function formatText(data: unknown): string {
  const out: string[] = [];
  formatTextItem(data, out, null, null);
  return out.join('');
}

function formatTextItem(item: unknown, out: string[], identifier: string | null, scalarKeys: string[] | null): void {
  if (isRecord(item)) formatTextDict(scalarKeys, item, identifier, out);
  else if (Array.isArray(item)) formatTextList(item, identifier, out);
  else out.push(`${pyStr(item)}\n`);
}

function formatTextList(item: unknown[], identifier: string | null, out: string[]): void {
  if (item.length === 0) return;
  if (item.some(isRecord)) {
    const keys = allScalarKeys(item);
    for (const element of item) formatTextItem(element, out, identifier, keys);
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter(isScalar);
    const nonScalars = item.filter((x) => !isScalar(x));
    if (scalars.length > 0) formatScalarList(scalars, identifier, out);
    for (const n of nonScalars) formatTextItem(n, out, identifier, null);
  } else {
    formatScalarList(item, identifier, out);
  }
}

function formatScalarList(elements: unknown[], identifier: string | null, out: string[]): void {
  if (identifier !== null) {
    for (const e of elements) out.push(`${identifier.toUpperCase()}\t${pyStr(e)}\n`);
  } else {
    out.push(`${elements.map(pyStr).join('\t')}\n`);
  }
}

function formatTextDict(scalarKeys: string[] | null, item: Record<string, unknown>, identifier: string | null, out: string[]): void {
  const scalars: string[] = [];
  const nonScalars: [string, unknown][] = [];
  if (scalarKeys === null) {
    for (const key of Object.keys(item).sort(byCodePoint)) {
      const value = item[key];
      if (isScalar(value)) scalars.push(pyStr(value));
      else nonScalars.push([key, value]);
    }
  } else {
    for (const key of scalarKeys) scalars.push(key in item ? pyStr(item[key]) : '');
    for (const key of Object.keys(item).filter((k) => !scalarKeys.includes(k)).sort(byCodePoint)) {
      nonScalars.push([key, item[key]]);
    }
  }
  if (scalars.length > 0) {
    if (identifier !== null) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, value] of nonScalars) formatTextItem(value, out, key, null);
}

function allScalarKeys(list: unknown[]): string[] {
  const keys = new Set<string>();
  for (const item of list) {
    if (!isRecord(item)) continue;
    for (const [k, v] of Object.entries(item)) if (isScalar(v)) keys.add(k);
  }
  return [...keys].sort(byCodePoint);
}

// ---- table ---------------------------------------------------------------------------------

/** The width awscli assumes when stdout is not a terminal (determine_terminal_width's default). */
const TERMINAL_WIDTH = 80;

/** unicodedata.east_asian_width in 'WFA' counts as two columns (get_text_length). */
function charWidth(cp: number): number {
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x20000 && cp <= 0x3fffd);
  const ambiguous =
    [0xa1, 0xa4, 0xa7, 0xa8, 0xaa, 0xad, 0xae, 0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbc,
      0xbd, 0xbe, 0xbf, 0xc6, 0xd0, 0xd7, 0xd8, 0xde, 0xdf, 0xe0, 0xe1, 0xe6, 0xe8, 0xe9, 0xea, 0xec, 0xed, 0xf0,
      0xf2, 0xf3, 0xf7, 0xf8, 0xf9, 0xfa, 0xfc, 0xfe].includes(cp) ||
    (cp >= 0x391 && cp <= 0x3c9) || (cp >= 0x401 && cp <= 0x451) || (cp >= 0x2010 && cp <= 0x203b) ||
    (cp >= 0x2460 && cp <= 0x24e9) || (cp >= 0x2500 && cp <= 0x257f) || (cp >= 0x25a0 && cp <= 0x25ef) ||
    (cp >= 0xe000 && cp <= 0xf8ff);
  return wide || ambiguous ? 2 : 1;
}

function textLength(text: string): number {
  let n = 0;
  for (const ch of text) n += charWidth(ch.codePointAt(0) ?? 0);
  return n;
}

/** Python 3 round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private maxWidths: number[] = [];

  calculateColumnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pyRound(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] = (scaled[i] ?? 0) - 1;
          offBy--;
        } else {
          scaled[i] = (scaled[i] ?? 0) + 1;
          offBy++;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    let total = 0;
    for (const w of this.calculateColumnWidths()) total += w + padding;
    total += 2 + outerPadding * 2;
    return Math.max(textLength(this.title) + 2 + outerPadding * 2, total);
  }

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    this.headers = headers;
  }

  addRow(row: unknown[]): void {
    const formatted = row.map(pyStr);
    this.rows.push(formatted);
    this.updateMaxWidths(formatted);
  }

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength);
    else row.forEach((el, i) => (this.maxWidths[i] = Math.max(textLength(el), this.maxWidths[i] ?? 0)));
  }
}

function centerText(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLen = textLength(text);
  const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const soFar = textLength(leftEdge) + charStart + textLen;
  const right = length - textLength(rightEdge) - soFar;
  return `${leftEdge}${' '.repeat(Math.max(0, charStart))}${text}${' '.repeat(Math.max(0, right))}${rightEdge}`;
}

function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLen = textLength(text);
  const computed = textLen + 2 + textLength(leftEdge) + textLength(rightEdge);
  const padding = length - computed >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLen;
  return `${leftEdge}${' '.repeat(padding)}${text}${' '.repeat(Math.max(0, length - soFar - rightEdge.length))}${rightEdge}`;
}

class MultiTable {
  private sections: Section[] = [];
  private current: Section | null = null;

  newSection(title: string, indentLevel = 0): void {
    const s = new Section();
    s.title = title;
    s.indentLevel = indentLevel;
    this.sections.push(s);
    this.current = s;
  }

  addRowHeader(headers: string[]): void {
    this.current?.addHeader(headers);
  }

  addRow(row: unknown[]): void {
    this.current?.addRow(row);
  }

  render(): string {
    let maxWidth = this.maxWidth();
    if (maxWidth > TERMINAL_WIDTH) {
      this.convertToVertical();
      maxWidth = this.maxWidth();
    }
    const out: string[] = [`${'-'.repeat(maxWidth)}\n`];
    for (const s of this.sections) this.renderSection(s, maxWidth, out);
    return out.join('');
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, s.indentLevel)));
  }

  /** Single-row sections become two columns (header | value) when the table is too wide. */
  private convertToVertical(): void {
    this.sections = this.sections.map((s) => {
      if (s.rows.length !== 1 || s.headers.length === 0) return s;
      const v = new Section();
      v.title = s.title;
      v.indentLevel = s.indentLevel;
      s.headers.forEach((h, i) => v.addRow([h, s.rows[0]?.[i] ?? '']));
      return v;
    });
  }

  private renderSection(s: Section, maxWidth: number, out: string[]): void {
    const indent = '|'.repeat(s.indentLevel);
    const write = (line: string) => out.push(`${indent}${line}${indent}\n`);
    const width = maxWidth - s.indentLevel * 2;
    if (s.title !== '') {
      write(centerText(s.title, width, '|', '|'));
      if (s.headers.length === 0 && s.rows.length === 0) write(`+${'-'.repeat(width - 2)}+`);
    }
    if (s.headers.length > 0) {
      const widths = s.calculateColumnWidths(4, width);
      write(lineBreak(widths));
      write(s.headers.map((h, i) => centerText(h, widths[i] ?? 0, i === 0 ? '|' : '', '|')).join(''));
    }
    if (s.rows.length > 0) {
      const widths = s.calculateColumnWidths(4, width);
      if (widths.length === 0) return;
      write(lineBreak(widths));
      for (const row of s.rows) {
        write(widths.map((w, i) => alignLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
      }
      write(lineBreak(widths));
    }
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
}

function groupScalarKeys(current: Record<string, unknown>): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const [k, v] of Object.entries(current)) (isScalar(v) ? headers : more).push(k);
  return [headers.sort(byCodePoint), more.sort(byCodePoint)];
}

class TableBuilder {
  readonly table = new MultiTable();

  build(title: string | null, current: unknown, indentLevel = 0): boolean {
    if (isFalsy(current)) return false;
    if (title !== null) this.table.newSection(title, indentLevel);
    if (Array.isArray(current)) {
      if (isRecord(current[0])) {
        this.fromList(current, indentLevel, title);
      } else {
        for (const item of current) {
          if (isScalar(item)) this.table.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.table.addRow(item);
          // Python iterates a dict's keys here, so such an item prints as its key names.
          else if (isRecord(item)) this.table.addRow(Object.keys(item));
          else this.build(null, item);
        }
      }
    }
    if (isRecord(current)) this.fromDict(current, indentLevel);
    return true;
  }

  private fromDict(current: Record<string, unknown>, indentLevel: number): void {
    const [headers, more] = groupScalarKeys(current);
    if (headers.length === 1) {
      const h = headers[0] ?? '';
      this.table.addRow([h, current[h]]);
    } else if (headers.length > 0) {
      this.table.addRowHeader(headers);
      this.table.addRow(headers.map((k) => current[k]));
    }
    for (const key of more) this.build(key, current[key], indentLevel + 1);
  }

  private fromList(current: unknown[], indentLevel: number, title: string | null): void {
    const headerSet = new Set<string>();
    const moreSet = new Set<string>();
    for (const item of current) {
      if (!isRecord(item)) continue;
      const [h, m] = groupScalarKeys(item);
      h.forEach((k) => headerSet.add(k));
      m.forEach((k) => moreSet.add(k));
    }
    const headers = [...headerSet].sort(byCodePoint);
    const more = [...moreSet].sort(byCodePoint);
    this.table.addRowHeader(headers);
    let first = true;
    for (const element of current) {
      const el = isRecord(element) ? element : {};
      if (!first && more.length > 0) {
        this.table.newSection(title ?? '', indentLevel);
        this.table.addRowHeader(headers);
      }
      first = false;
      this.table.addRow(headers.map((h) => (h in el ? el[h] : '')));
      for (const key of more) if (key in el) this.build(key, el[key], indentLevel + 1);
    }
  }
}

/** Python truthiness of a JSON value: "if not current" skips empty and false-y values. */
function isFalsy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isRecord(v)) return Object.keys(v).length === 0;
  return false;
}

export function formatTable(operationName: string, response: unknown): string {
  const builder = new TableBuilder();
  return builder.build(operationName, response) ? builder.table.render() : '';
}

export function formatOutput(format: OutputFormat, operationName: string, response: unknown): string {
  if (format === 'text') return formatText(response);
  if (format === 'table') return formatTable(operationName, response);
  return formatJson(response);
}
