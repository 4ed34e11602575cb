import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { serviceSchema, type Service } from './service-schema.ts';

/**
 * Every directory entry read straight from src/content/services/*.yaml, checked against the schema.
 * Plain Node (no Astro, no Vite), for staff commands such as content:status.
 */
export function readServiceFiles(dir: string): (Service & { id: string })[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const result = serviceSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
      if (!result.success) {
        throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      return { ...result.data, id: file.replace(/\.yaml$/, '') };
    });
}
