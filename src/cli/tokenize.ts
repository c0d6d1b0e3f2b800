// Turning pasted text into commands and words, the way a POSIX shell would for the small
// subset a lesson needs: quotes, backslash continuations, comments, multi-line quoted JSON and
// $NAME / ${NAME} expansion of the session's variables, and a clear refusal of shell features
// the simulator does not have (pipes, arithmetic, $?, ...).
// Words are split here rather than with shlex.split: shlex 3.0.0 re-reads backslashes of a
// single-quoted part once a later double-quoted part of the same word closes ('a\\b'"c"
// gives a\bc instead of a\\bc), which corrupts JSON values pasted in single quotes.

/** The shell variables of a terminal session or a script: NAME -> value. */
export type ShellEnvironment = Readonly<Record<string, string>>;

export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A variable's value; own properties only, so `$constructor` or `$__proto__` are just unset names. */
export function variableValue(environment: ShellEnvironment, name: string): string | undefined {
  return Object.hasOwn(environment, name) ? environment[name] : undefined;
}

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

/** The text before an unquoted `#` comment, or null when a quote is left open. */
function withoutComment(command: string): string | null {
  const { quote, commentAt } = scan(command);
  if (quote !== null) return null;
  return commentAt === null ? command : command.slice(0, commentAt);
}

function unterminated(command: string): string {
  return `unterminated ${scan(command).quote === '"' ? 'double' : 'single'}-quoted string`;
}

/**
 * Splits one command into words, expanding `$NAME` and `${NAME}` from `environment` (outside
 * single quotes; unquoted values are split at blanks, as POSIX field splitting does). An unset
 * variable is an error naming it, not an empty word: a learner must see the mistake. Shell
 * features the simulator cannot honour (pipes, `;`, `&&`, redirections, `$(...)` inside a
 * command, `$?`) get a clear message instead of a guess.
 */
export function tokenize(command: string, environment: ShellEnvironment = {}): TokenizeResult {
  const body = withoutComment(command);
  if (body === null) return { ok: false, message: unterminated(command) };
  const problem = unsupportedShellFeature(body);
  if (problem !== null) return { ok: false, message: problem };
  return splitWords(body, environment, true);
}

/**
 * The value of `NAME=value`: one word, expanded but not split at blanks (POSIX does not split
 * assignment values). Blanks outside quotes would make the rest a command, which is refused.
 */
export function assignmentValue(name: string, text: string, environment: ShellEnvironment): { ok: true; value: string } | { ok: false; message: string } {
  const body = withoutComment(text);
  if (body === null) return { ok: false, message: unterminated(text) };
  const problem = unsupportedShellFeature(body);
  if (problem !== null) return { ok: false, message: problem };
  const words = splitWords(body, environment, false);
  if (!words.ok) return words;
  if (words.words.length > 1) {
    return {
      ok: false,
      message: `${name}=${words.words[0] ?? ''} is followed by more words: quote a value that contains spaces ` +
        `(${name}="a b"); running a command with a variable set for it alone (NAME=value command) is not available in this simulator`,
    };
  }
  return { ok: true, value: words.words[0] ?? '' };
}

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** `$NAME` or `${NAME}` at `i`: the name and the length of the reference; null for a literal `$`. */
function variableAt(text: string, i: number): { name: string; length: number } | null {
  const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(text.slice(i));
  if (braced !== null) return { name: braced[1] ?? '', length: braced[0].length };
  const plain = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
  return plain === null ? null : { name: plain[1] ?? '', length: plain[0].length };
}

function unsetMessage(name: string, environment: ShellEnvironment): string {
  const names = Object.keys(environment);
  const close = names.filter((n) => n.toUpperCase() === name.toUpperCase() || n.replace(/_/g, '') === name.replace(/_/g, ''));
  const hint = close.length > 0
    ? ` Did you mean $${close[0] ?? ''}?`
    : names.length > 0 ? ` Variables set so far: ${names.map((n) => `$${n}`).join(', ')}.` : '';
  return `the shell variable $${name} is not set: no earlier line assigned it (for example ` +
    `${name}=$(aws ec2 ... --query ... --output text)), or that command failed.${hint}`;
}

/**
 * POSIX word splitting, variable expansion and quote removal (quotes are known to be balanced
 * here). With `split` false (an assignment value) expanded values are not split at blanks.
 */
function splitWords(text: string, environment: ShellEnvironment, split: boolean): TokenizeResult {
  const words: string[] = [];
  let word: string | null = null;
  const expand = (i: number, quoted: boolean): number | string => {
    const ref = variableAt(text, i);
    if (ref === null) {
      word = (word ?? '') + '$';
      return i;
    }
    const value = variableValue(environment, ref.name);
    if (value === undefined) return unsetMessage(ref.name, environment);
    if (quoted || !split) {
      word = (word ?? '') + value;
    } else {
      for (const ch of value) {
        if (ch === ' ' || ch === '\t' || ch === '\n') {
          if (word !== null) words.push(word);
          word = null;
        } else {
          word = (word ?? '') + ch;
        }
      }
    }
    return i + ref.length - 1;
  };
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
    if (c === '$' && text[i + 1] !== "'") {
      const next = expand(i, false);
      if (typeof next === 'string') return { ok: false, message: next };
      i = next;
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
        } else if (d === '$') {
          const after = expand(i, true);
          if (typeof after === 'string') return { ok: false, message: after };
          i = after;
        } else {
          word += d;
        }
      }
    } else if (c === '$') {
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
  return { ok: true, words };
}

const NOT_AVAILABLE = 'not available in this simulator';

/** What is wrong with the `$` at `i`, or null when it is `$NAME`, `${NAME}` or a literal `$`. */
function dollarProblem(text: string, i: number): string | null {
  const next = text[i + 1] ?? '';
  if (next === '(') {
    return text[i + 2] === '('
      ? `shell arithmetic ($((...))) is ${NOT_AVAILABLE}`
      : `command substitution ($(...)) inside a command is ${NOT_AVAILABLE}: capture the output on a line of its own, ` +
          'NAME=$(aws ec2 ... --query ... --output text), then use $NAME';
  }
  if (next === '{') {
    return variableAt(text, i) === null
      ? `parameter expansions such as \${NAME:-default} or \${#NAME} are ${NOT_AVAILABLE}: use $NAME or \${NAME}`
      : null;
  }
  if (/[?$#@*!0-9-]/.test(next)) {
    return `the special shell parameter $${next} (exit status, positional arguments, process ids) is ${NOT_AVAILABLE}: ` +
      'paste the actual value instead';
  }
  return null;
}

function unsupportedShellFeature(text: string): string | null {
  let quote: QuoteState = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = null;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$') {
      const problem = dollarProblem(text, i);
      if (problem !== null) return problem;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '`') return `shell ${SHELL_OPERATORS['`'] ?? ''} are ${NOT_AVAILABLE}: run one aws or sim command per line`;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    const feature = SHELL_OPERATORS[c];
    if (feature !== undefined) {
      return `shell ${feature} are ${NOT_AVAILABLE}: run one aws or sim command per line`;
    }
  }
  return null;
}
