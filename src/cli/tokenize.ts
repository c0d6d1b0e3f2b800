// Turning pasted text into commands and words, the way a POSIX shell would for the small
// subset a lesson needs: quotes, backslash continuations, comments and multi-line quoted JSON,
// and a clear refusal of shell features the simulator does not have (pipes, variables, ...).
// Words are split here rather than with shlex.split: shlex 3.0.0 re-reads backslashes of a
// single-quoted part once a later double-quoted part of the same word closes ('a\\b'"c"
// gives a\bc instead of a\\bc), which corrupts JSON values pasted in single quotes.

export interface ScriptCommand {
  /** The command as typed, with `\`-newline continuations folded into single spaces. */
  readonly text: string;
  /** 1-based line number where the command starts. */
  readonly line: number;
}

type QuoteState = null | "'" | '"' | "$'";

/** Where the quote state stands at the end of `text`, starting outside quotes. */
function scan(text: string): { quote: QuoteState; commentAt: number | null } {
  let quote: QuoteState = null;
  let wordStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      continue;
    }
    if (c === '\\') {
      i++;
      wordStart = false;
      continue;
    }
    if (quote === '"' || quote === "$'") {
      if (c === quote.at(-1)) quote = null;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c === "'" && text[i - 1] === '$' ? "$'" : c;
      wordStart = false;
    } else if (c === '#' && wordStart) {
      return { quote: null, commentAt: i };
    } else {
      wordStart = c === ' ' || c === '\t' || c === '\n' || c === '\r';
    }
  }
  return { quote, commentAt: null };
}

/** True when the line ends with an unescaped backslash (a continuation). */
function endsWithContinuation(line: string): boolean {
  const m = /(\\+)\s*$/.exec(line);
  return m !== null && (m[1] ?? '').length % 2 === 1;
}

/**
 * Splits a script into commands: blank lines and `#` comment lines are skipped, a line ending
 * in `\` continues on the next one, and a quote left open (pasted JSON) continues too.
 */
export function splitScript(text: string): ScriptCommand[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const commands: ScriptCommand[] = [];
  let buffer: string | null = null;
  let startLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (buffer === null) {
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      buffer = raw;
      startLine = i + 1;
    } else {
      buffer += '\n' + raw;
    }
    const { quote } = scan(buffer);
    if (quote !== null && i < lines.length - 1) continue;
    if (quote === null && endsWithContinuation(buffer) && i < lines.length - 1) continue;
    commands.push({ text: foldContinuations(buffer), line: startLine });
    buffer = null;
  }
  return commands;
}

/**
 * Removes `\`-newline continuations as the shell does (outside single quotes), so that
 * `a \<newline>    b` reads `a b` and `"x\<newline>y"` reads `"xy"`. Trailing blanks after the
 * backslash, common in copied documentation, are forgiven.
 */
function foldContinuations(text: string): string {
  let out = '';
  let quote: QuoteState = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote !== "'" && c === '\\') {
      const rest = /^\\[ \t]*\n([ \t]*)/.exec(text.slice(i));
      if (rest !== null) {
        const indented = (rest[1] ?? '') !== '';
        const afterBlank = /[ \t]$/.test(out);
        if (quote === null) out += indented && !afterBlank ? ' ' : '';
        else out += rest[1] ?? '';
        i += rest[0].length - 1;
        continue;
      }
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (quote === null && (c === "'" || c === '"')) quote = c;
    else if (quote !== null && c === quote) quote = null;
    out += c;
  }
  return out.trim().replace(/\\$/, '').trim();
}

export type TokenizeResult = { ok: true; words: string[] } | { ok: false; message: string };

const SHELL_OPERATORS: Record<string, string> = {
  '|': 'pipes (|)',
  ';': 'command lists (;)',
  '&': 'background jobs and && lists (&)',
  '>': 'redirections (>)',
  '<': 'redirections (<)',
  '`': 'command substitution (`...`)',
};

/**
 * Splits one command into words. Unquoted shell features that the simulator cannot honour
 * (pipes, `;`, `&&`, redirections, `$VAR`, `$(...)`) get a clear message instead of a guess.
 */
export function tokenize(command: string): TokenizeResult {
  const { quote, commentAt } = scan(command);
  if (quote !== null) {
    return { ok: false, message: `unterminated ${quote === '"' ? 'double' : 'single'}-quoted string` };
  }
  const body = commentAt === null ? command : command.slice(0, commentAt);
  const problem = unsupportedShellFeature(body);
  if (problem !== null) return { ok: false, message: problem };
  return { ok: true, words: splitWords(body) };
}

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** POSIX word splitting and quote removal (quotes are known to be balanced here). */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (word !== null) words.push(word);
      word = null;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i++; // a line continuation: no character, and no word boundary
      continue;
    }
    word ??= '';
    if (c === '\\') {
      word += text[i + 1] ?? '';
      i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word += end === -1 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end === -1 ? text.length : end;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) {
        const d = text[i] ?? '';
        const next = text[i + 1] ?? '';
        // Inside double quotes a backslash escapes only $ ` " \ and newline.
        if (d === '\\' && '$`"\\\n'.includes(next)) {
          if (next !== '\n') word += next;
          i++;
        } else {
          word += d;
        }
      }
    } else if (c === '$' && text[i + 1] === "'") {
      for (i += 2; i < text.length && text[i] !== "'"; i++) {
        const d = text[i] ?? '';
        if (d !== '\\') {
          word += d;
          continue;
        }
        const e = text[i + 1] ?? '';
        const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1));
        if (hex !== null) {
          word += String.fromCharCode(parseInt(hex[1] ?? '0', 16));
          i += hex[0].length;
        } else {
          word += ANSI_C_ESCAPES[e] ?? `\\${e}`;
          i++;
        }
      }
    } else {
      word += c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

function unsupportedShellFeature(text: string): string | null {
  let quote: QuoteState = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (quote === "'") {
      if (c === "'") quote = null;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$' && /[A-Za-z_{(]/.test(next)) {
      return 'shell variables and command substitution ($...) are not available in this simulator: ' +
        'paste the actual value (for example the instance ID) instead';
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    const feature = SHELL_OPERATORS[c];
    if (feature !== undefined) {
      return `shell ${feature} are not available in this simulator: run one aws or sim command per line`;
    }
  }
  return null;
}
