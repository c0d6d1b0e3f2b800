// @ts-check
import { fileURLToPath } from 'node:url';

/**
 * Builds the Pagefind search index into dist/pagefind after `astro build`, so `npm run build`
 * alone produces a searchable site. Only elements marked data-pagefind-body are indexed.
 * @returns {import('astro').AstroIntegration}
 */
export default function pagefind() {
  return {
    name: 'ami-lab:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const outDir = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        await close();
        logger.info(`Indexed ${added.page_count} pages for search into pagefind/.`);
      },
    },
  };
}
