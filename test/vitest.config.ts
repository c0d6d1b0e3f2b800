/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  throw new Error(
    `Tests need Node >= 22.12 but this is Node ${process.versions.node}. ` +
      'Run them through npm (npm test, npm run test:unit), which uses the Node pinned in package.json.',
  );
}

export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/content/**/*.test.ts', 'test/cli/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['test/component/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
