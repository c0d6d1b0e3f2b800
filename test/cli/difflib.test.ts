// Expected values computed with CPython's difflib.get_close_matches(word, OPERATIONS, 3, 0.6).
import { describe, expect, it } from 'vitest';
import { getCloseMatches } from '../../src/cli/difflib.ts';

const OPERATIONS = ['attach-volume', 'copy-image', 'copy-snapshot', 'create-image', 'create-snapshot', 'create-snapshots',
  'create-tags', 'create-volume', 'delete-snapshot', 'delete-tags', 'delete-volume', 'deregister-image', 'describe-images',
  'describe-instances', 'describe-snapshots', 'describe-volumes', 'detach-volume', 'run-instances', 'start-instances',
  'stop-instances', 'terminate-instances', 'wait', 'help'];

const CPYTHON: [string, string[]][] = [
  ['create-snapshto', ['create-snapshot', 'create-snapshots', 'delete-snapshot']],
  ['describe-instance', ['describe-instances', 'describe-images', 'terminate-instances']],
  ['run-instance', ['run-instances', 'start-instances', 'terminate-instances']],
  ['terminate', ['terminate-instances']],
  ['attach', ['attach-volume']],
  ['snapshot', ['copy-snapshot', 'delete-snapshot', 'create-snapshot']],
  ['dscribe-volumes', ['describe-volumes', 'describe-images', 'create-volume']],
  ['deregister', ['deregister-image']],
  ['stop-instance', ['stop-instances', 'start-instances', 'run-instances']],
  ['wiat', ['wait']],
  ['hlep', ['help']],
  ['copy', []],
  ['crate-image', ['create-image', 'create-tags', 'describe-images']],
  ['delete-vol', ['delete-volume', 'delete-tags', 'delete-snapshot']],
  ['x', []],
  ['describe-image', ['describe-images', 'describe-instances', 'describe-volumes']],
];

describe('getCloseMatches', () => {
  it.each(CPYTHON)('%s', (word, expected) => {
    expect(getCloseMatches(word, OPERATIONS, 3, 0.6)).toEqual(expected);
  });
});
