// The CLI against awscli itself, used as an oracle (awscli 1.45.11 with botocore 1.43.11: its
// formatter, shorthand and argument code is AWS CLI v2's). The fixtures under fixtures/ hold
// inputs and what awscli produced for them; test/cli/fixtures/awscli_oracle.py regenerates the
// outputs for the same inputs. The formatter inputs are JSON outputs of a `npm run sim -- --jsonl`
// session, rendered by awscli.text.format_text and awscli.formatter.TableFormatter at width 80.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable, formatText } from '../../src/cli/format.ts';
import { parseCommandLine, toSimCall } from '../../src/cli/parse.ts';
import { ShorthandParser } from '../../src/cli/shorthand.ts';

interface OracleCase {
  operation: string;
  response: unknown;
  text: string;
  table: string;
}

const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'fixtures/awscli-formatter.json'), 'utf8'),
) as { cases: OracleCase[] };

describe('formatters match awscli on simulator responses', () => {
  it.each(fixture.cases.map((c) => [c.operation, c] as const))('%s', (_name, c) => {
    expect(formatText(c.response)).toBe(c.text);
    expect(formatTable(c.operation, c.response)).toBe(c.table);
  });
});

interface ShorthandCase {
  0: string;
  1: { value?: unknown; error?: string };
}

const shorthand = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'fixtures/awscli-shorthand.json'), 'utf8'),
) as { cases: ShorthandCase[] };

/**
 * awscli 1.45.11 lost the `f` of one f-string, so its syntax errors end in the literal text
 * "{self._error_location()}" instead of the input with a caret; the simulator prints the caret,
 * as the AWS CLI v2 source does. The first line of each message is compared exactly.
 */
function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}

describe('shorthand parser matches awscli.shorthand.ShorthandParser', () => {
  it.each(shorthand.cases.map((c) => [c[0], c[1]] as const))('%j', (input, expected) => {
    const parse = () => new ShorthandParser().parse(input);
    if (expected.error === undefined) {
      expect(parse()).toEqual(expected.value);
      return;
    }
    let message = '';
    try {
      parse();
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    expect(firstLine(message)).toBe(firstLine(expected.error));
  });
});

const params = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'fixtures/awscli-params.json'), 'utf8'),
) as { cases: [string, { params?: Record<string, unknown>; stderr?: string }][] };

describe('command lines give the API parameters and errors awscli gives', () => {
  it.each(params.cases)('%s', (line, expected) => {
    const parsed = parseCommandLine(line);
    if (expected.params !== undefined) {
      expect(parsed.kind).not.toBe('error');
      expect(toSimCall(parsed as Exclude<typeof parsed, { kind: 'error' }>)?.params).toEqual(expected.params);
      return;
    }
    expect(parsed.kind).toBe('error');
    const stderr = parsed.kind === 'error' ? parsed.stderr : '';
    const wanted = expected.stderr ?? '';
    // The same f-string slip as above: compare up to where awscli 1.45.11 loses the caret line.
    if (wanted.includes('{self._error_location()}')) expect(firstLine(stderr.trim())).toBe(firstLine(wanted.trim()));
    else expect(stderr).toBe(wanted);
  });
});
