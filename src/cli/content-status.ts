/**
 * npm run content:status [-- --json] [-- --root <folder>]
 * For each language: which pages are up to date, outdated (the English changed since), missing,
 * or machine-drafted and not yet reviewed; then every page still marked `verified: false`.
 * npm run content:status -- --hash guidance/en/<slug>.md prints the sourceHash a translation records.
 * Plain Node (no Astro, no Vite), so staff can run it without building the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { localeFor, localeCodes } from '../i18n/locales.ts';
import { readContentFiles, sourceHash } from '../content/content-files.ts';
import { contentStatus, summaryLine, type ContentStatus } from '../content/translation-status.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    root: { type: 'string', default: fileURLToPath(new URL('../content', import.meta.url)) },
    hash: { type: 'string' },
  },
});

if (values.hash) {
  // Staff may give the path from the project folder or from src/content.
  const file = existsSync(values.hash) ? values.hash : resolve(values.root, values.hash);
  console.log(sourceHash(readFileSync(file)));
  process.exit(0);
}

// Hook for the services directory (issue 5): its pure staleEntries() (src/content/service-freshness.ts)
// belongs here, over src/content/services/*.yaml read with `yaml`, as a "services to re-check"
// section of this report and a `staleServices` field of the JSON.
const status = contentStatus(readContentFiles(values.root), localeCodes);

/** The report as staff read it: a summary line per language, then the pages that need work. */
function formatReport({ languages, unverified }: ContentStatus): string {
  const lines: string[] = ['Translation status (English is the source)', ''];
  for (const language of languages) {
    lines.push(summaryLine(language, localeFor(language.lang).englishName));
    for (const page of language.pages) {
      const name = `${page.collection}/${page.slug}`;
      if (page.state === 'outdated') lines.push(`      outdated:     ${name} (${page.reason})`);
      if (page.state === 'missing') lines.push(`      missing:      ${name} (shown in English with a notice)`);
      if (page.unreviewed) lines.push(`      not reviewed: ${name}`);
    }
  }
  lines.push('', unverified.length ? 'Facts to check (verified: false):' : 'No page is marked verified: false.');
  for (const page of unverified) lines.push(`      ${page.collection}/${page.lang}/${page.slug}`);
  return lines.join('\n');
}

console.log(values.json ? JSON.stringify(status, null, 2) : formatReport(status));
