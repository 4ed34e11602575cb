import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeFor, localeCodes } from '../i18n/locales.ts';
import { readContentFiles } from './content-files.ts';
import { readServiceSources } from './service-files.ts';
import { contentStatus, summaryLine } from './translation-status.ts';

/** Prints one line per language after every build (pages and service descriptions): up to date, outdated, missing, not reviewed. */
export function contentStatusSummary(): AstroIntegration {
  return {
    name: 'content-status-summary',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const root = fileURLToPath(new URL('.', import.meta.url));
        const status = contentStatus(readContentFiles(root), localeCodes, 'en', readServiceSources(join(root, 'services')));
        for (const language of status.languages) logger.info(summaryLine(language, localeFor(language.lang).englishName));
        if (status.unverified.length) logger.info(`${status.unverified.length} page(s) marked verified: false. Details: npm run content:status`);
      },
    },
  };
}
