import { readFileSync } from 'node:fs';
import { locales, type LocaleCode } from './locales.ts';
import { uiSchemaFor, type LocaleStrings } from './schema.ts';

/**
 * Every language's UI strings read straight from locales/*.json, for code that runs in plain Node
 * at build (Markdown plugins in astro.config.mjs), where resources.ts's import.meta.glob is not available.
 */
export function readUiStringsFromDisk(): Record<LocaleCode, LocaleStrings> {
  return Object.fromEntries(
    locales.map(({ code }) => {
      const data: unknown = JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8'));
      const result = uiSchemaFor(code).safeParse(data);
      if (!result.success) throw new Error(`locales/${code}.json does not match src/i18n/schema.ts: ${result.error.message}`);
      return [code, result.data as LocaleStrings];
    }),
  ) as Record<LocaleCode, LocaleStrings>;
}
