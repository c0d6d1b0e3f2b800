import { describe, expect, it } from 'vitest';

describe('toolchain', () => {
  it('runs on the Node pinned in package.json', () => {
    const [major = 0] = process.versions.node.split('.').map(Number);
    expect(major).toBeGreaterThanOrEqual(22);
  });
});
