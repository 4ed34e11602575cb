import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { localeFor, localeCodes } from '../i18n/locales.ts';
import { readContentFiles } from './content-files.ts';
import { contentStatus, summaryLine } from './translation-status.ts';

/** Prints one line per language after every build: up to date, outdated, missing, not reviewed. */
export function contentStatusSummary(): AstroIntegration {
  return {
    name: 'content-status-summary',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const status = contentStatus(readContentFiles(fileURLToPath(new URL('.', import.meta.url))), localeCodes);
        for (const language of status.languages) logger.info(summaryLine(language, localeFor(language.lang).englishName));
        if (status.unverified.length) logger.info(`${status.unverified.length} page(s) marked verified: false. Details: npm run content:status`);
      },
    },
  };
}
