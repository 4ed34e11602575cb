import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { localeCodes } from '../i18n/locales.ts';
import { checkTranslatedPages } from './translation-checks.ts';

/**
 * Stops the build when a translation drops or changes a number, a tel: link, a placeholder or an
 * in-site link of its English source, or keeps an English sentence: a wrong number must never reach
 * a resident. Each problem is printed as `file:line: what is wrong`.
 */
export function translationChecks(): AstroIntegration {
  return {
    name: 'translation-checks',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const problems = checkTranslatedPages(fileURLToPath(new URL('.', import.meta.url)), localeCodes);
        if (problems.length === 0) return;
        for (const problem of problems) logger.error(problem.message);
        throw new Error(`${problems.length} translation problem(s): fix the lines above, then build again.`);
      },
    },
  };
}
