// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';

export default defineConfig({
  site: 'https://ami-snapshot-lab.example',
  trailingSlash: 'always',
  integrations: [mdx(), react()],
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro 7 + MDX emits a harmless "use client"-style directive warning per MDX file.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
