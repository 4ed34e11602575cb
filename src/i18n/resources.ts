import { locales, type LocaleCode } from './locales.ts';
import { uiSchemaFor, type LocaleStrings } from './schema.ts';

// Vite inlines every locale file at build; each is parsed against the schema so a missing or
// stray key stops the build with the file and key named.
const files = import.meta.glob<{ default: unknown }>('../../locales/*.json', { eager: true });

/** Parses one locale's JSON against the UI schema, naming the file and keys on failure. */
export function parseUiStrings(code: string, data: unknown): LocaleStrings {
  const result = uiSchemaFor(code).safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => {
        if (issue.code === 'unrecognized_keys') return `stray key(s) ${issue.keys.join(', ')}`;
        return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
      })
      .join('; ');
    throw new Error(`locales/${code}.json does not match src/i18n/schema.ts: ${problems}`);
  }
  // uiSchemaFor(code) has every plain key, so the parsed object has them all.
  return result.data as LocaleStrings;
}

/** UI strings for every language, keyed by locale code. */
export const resources = Object.fromEntries(
  locales.map(({ code }) => {
    const file = files[`../../locales/${code}.json`];
    if (!file) throw new Error(`locales/${code}.json is missing: every language in src/i18n/locales.ts needs one`);
    return [code, parseUiStrings(code, file.default)];
  }),
) as Record<LocaleCode, LocaleStrings>;
