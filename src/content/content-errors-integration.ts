import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentErrors } from './content-errors.ts';

/**
 * Stops `astro build`, `dev` and `check` before Astro reads the content when staff wrote a date in
 * another form than YYYY-MM-DD, broke the YAML, or left a translation without its English page.
 * It runs at config setup because Astro's own content sync comes next and would print a stack
 * trace with the wrong line. Each problem is printed as one sentence naming file, field and line.
 * `contentRoot` is src/content; tests give a folder of their own.
 */
export function contentErrorsCheck(contentRoot = fileURLToPath(new URL('.', import.meta.url))): AstroIntegration {
  return {
    name: 'content-errors',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const errors = contentErrors(contentRoot);
        if (errors.length === 0) return;
        for (const error of errors) logger.error(error.message);
        const stop = new Error(`${errors.length} content error(s) in src/content: fix the lines above, then build again.`);
        // Staff read this; a stack trace would only hide the sentences above (Astro prints none when empty).
        stop.stack = '';
        throw stop;
      },
      // While `npm run dev` runs, each saved content file is checked again, so the terminal says the
      // same sentence as the build would, beside Astro's own message.
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.on('all', (_event, path) => {
          if (!resolve(path).startsWith(resolve(contentRoot)) || !/\.(md|yaml)$/.test(path)) return;
          for (const error of contentErrors(contentRoot)) logger.error(error.message);
        });
      },
    },
  };
}
