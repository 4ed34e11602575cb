import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { serviceProseHash, serviceSchema, serviceTranslationSchema, type Service, type ServiceTranslation } from './service-schema.ts';
import type { ServiceSources } from './translation-status.ts';

/** Parses one YAML file against a schema; the error names the file and each wrong field. */
function parseFile<T>(file: string, text: string, schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T {
  const result = schema.safeParse(parse(text));
  if (!result.success) {
    throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

/**
 * Every directory entry read straight from src/content/services/*.yaml, checked against the schema.
 * Plain Node (no Astro, no Vite), for staff commands such as content:status.
 */
export function readServiceFiles(dir: string): (Service & { id: string })[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ ...parseFile(file, readFileSync(join(dir, file), 'utf8'), serviceSchema), id: file.replace(/\.yaml$/, '') }));
}

/** One service description translation as read from disk: src/content/services/<lang>/<id>.yaml. */
export interface ServiceTranslationFile {
  lang: string;
  id: string;
  /** Path from `dir`'s parent folder, e.g. services/pl/galop.yaml, for messages. */
  file: string;
  /** The file's text, for the numbers and English checks. */
  text: string;
  data: ServiceTranslation;
}

/** Every service translation under `dir` (normally src/content/services), checked against the schema. */
export function readServiceTranslations(dir: string): ServiceTranslationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((langDir) =>
      readdirSync(join(dir, langDir.name))
        .filter((file) => file.endsWith('.yaml'))
        .sort()
        .map((name) => {
          const file = `services/${langDir.name}/${name}`;
          const text = readFileSync(join(dir, langDir.name, name), 'utf8');
          return { lang: langDir.name, id: name.replace(/\.yaml$/, ''), file, text, data: parseFile(file, text, serviceTranslationSchema) };
        }),
    );
}

/** The directory as translation status compares it: each entry's prose hash and each translation's record. */
export function readServiceSources(dir: string): ServiceSources {
  return {
    sources: readServiceFiles(dir).map((s) => ({ id: s.id, proseHash: serviceProseHash(s) })),
    translations: readServiceTranslations(dir).map(({ lang, id, data }) => ({ lang, id, translation: data.translation })),
  };
}
