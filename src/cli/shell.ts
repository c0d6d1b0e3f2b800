// The shell layer above the AWS CLI: which kind of line the learner typed. A line is a command
// (`aws ...`, `sim ...`), a variable assignment `NAME=value`, or a capture `NAME=$(command)`
// (also written `NAME="$(command)"`), the two forms AWS documentation and the scenario scripts
// use. Expansion of $NAME in later lines happens in tokenize.ts.

export type ShellLine =
  | { readonly kind: 'command'; readonly text: string }
  /** `value` is the raw text after `=`, still to be expanded. */
  | { readonly kind: 'assign'; readonly name: string; readonly value: string }
  /** `command` is the text between `$(` and `)`. */
  | { readonly kind: 'capture'; readonly name: string; readonly command: string }
  | { readonly kind: 'error'; readonly message: string };

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** Index of the `)` outside quotes that closes the parenthesis open before `from`, or -1. */
function closingParen(text: string, from: number): number {
  let quote: "'" | '"' | null = null;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (c === '\\') {
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Classifies one command line (continuations already folded). */
export function classifyLine(text: string): ShellLine {
  const assignment = ASSIGNMENT.exec(text);
  if (assignment === null) {
    const spaced = /^([A-Za-z_][A-Za-z0-9_]*)\s+=/.exec(text);
    if (spaced !== null) {
      const name = spaced[1] ?? '';
      return { kind: 'error', message: `${name}: command not found. To set a variable, write ${name}=value with no spaces around =` };
    }
    return { kind: 'command', text };
  }
  const name = assignment[1] ?? '';
  const rest = text.slice(assignment[0].length);
  const quoted = rest.startsWith('"$(');
  if (!quoted && !(rest.startsWith('$(') && !rest.startsWith('$(('))) return { kind: 'assign', name, value: rest };
  const open = quoted ? 3 : 2;
  const close = closingParen(rest, open);
  if (close === -1) return { kind: 'error', message: `${name}=$(... has no closing ): the command substitution is not finished` };
  let after = close + 1;
  if (quoted) {
    if (rest[after] !== '"') return { kind: 'error', message: `${name}="$(...)" has no closing " right after the )` };
    after++;
  }
  const tail = rest.slice(after).trim();
  if (tail !== '' && !tail.startsWith('#')) {
    return {
      kind: 'error',
      message: `only ${name}=$(command) on a line of its own is available in this simulator; "${tail}" after the ) is not`,
    };
  }
  const command = rest.slice(open, close).trim();
  if (command === '') return { kind: 'error', message: `${name}=$() holds no command: put one aws or sim command inside` };
  if (classifyLine(command).kind !== 'command') {
    return { kind: 'error', message: `${name}=$(...) must hold one aws or sim command, not another assignment` };
  }
  return { kind: 'capture', name, command };
}
