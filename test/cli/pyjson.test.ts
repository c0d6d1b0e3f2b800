// Expected messages computed with CPython's json.loads (what the AWS CLI uses for JSON values).
import { describe, expect, it } from 'vitest';
import { parsePythonJson } from '../../src/cli/pyjson.ts';

const CPYTHON: [string, string][] = [
  ["", "Expecting value: line 1 column 1 (char 0)"],
  ["{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"],
  ["[", "Expecting value: line 1 column 2 (char 1)"],
  ["{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"],
  ["[1,]", "Expecting value: line 1 column 4 (char 3)"],
  ["{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"],
  ["[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"],
  ["\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"],
  ["{a:1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"],
  ["[1] x", "Extra data: line 1 column 5 (char 4)"],
  ["\"\\q\"", "Invalid \\escape: line 1 column 2 (char 1)"],
  ["tru", "Expecting value: line 1 column 1 (char 0)"],
  ["{\"a\":}", "Expecting value: line 1 column 6 (char 5)"],
  ["[{\"DeviceName\": \"/dev/sdf\",}]", "Expecting property name enclosed in double quotes: line 1 column 28 (char 27)"],
  ["{\"a\":1}\n{\"b\":2}", "Extra data: line 2 column 1 (char 8)"],
  ["[\n  1,\n  2\n  3\n]", "Expecting ',' delimiter: line 4 column 3 (char 13)"],
  ["\"\\u12\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"],
  ["\"a\tb\"", "Invalid control character at: line 1 column 3 (char 2)"],
  ["{\"a\": [1, 2}", "Expecting ',' delimiter: line 1 column 12 (char 11)"],
  ["  ", "Expecting value: line 1 column 3 (char 2)"],
  ["{\"Ebs\": {\"VolumeSize\": 8,, }}", "Expecting property name enclosed in double quotes: line 1 column 26 (char 25)"],
];

describe('parsePythonJson', () => {
  it.each(CPYTHON)('%j', (text, message) => {
    expect(parsePythonJson(text)).toEqual({ ok: false, message });
  });

  it('reads valid JSON like JSON.parse', () => {
    const text = '{"BlockDeviceMappings": [{"DeviceName": "/dev/sdf", "Ebs": {"VolumeSize": 8, "DeleteOnTermination": false}}], "x": null}';
    expect(parsePythonJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });
});
