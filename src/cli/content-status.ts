/**
 * npm run content:status [-- --json] [-- --root <folder>]
 * For each language: which pages are up to date, outdated (the English changed since), missing,
 * or machine-drafted and not yet reviewed; then every page still marked `verified: false`.
 * Then the services directory entries not checked for six months, and those marked `verified: false`.
 * npm run content:status -- --hash guidance/en/<slug>.md prints the sourceHash a translation records.
 * Plain Node (no Astro, no Vite), so staff can run it without building the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { localeFor, localeCodes } from '../i18n/locales.ts';
import { readContentFiles, sourceHash } from '../content/content-files.ts';
import { readServiceFiles } from '../content/service-files.ts';
import { freshForMonths, staleEntries } from '../content/service-freshness.ts';
import { contentStatus, summaryLine, type ContentStatus } from '../content/translation-status.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    root: { type: 'string', default: fileURLToPath(new URL('../content', import.meta.url)) },
    hash: { type: 'string' },
    // Fixes "today" for the six-month check, so tests and reports can be reproduced.
    today: { type: 'string' },
  },
});

if (values.hash) {
  // Staff may give the path from the project folder or from src/content.
  const file = existsSync(values.hash) ? values.hash : resolve(values.root, values.hash);
  console.log(sourceHash(readFileSync(file)));
  process.exit(0);
}

const status = contentStatus(readContentFiles(values.root), localeCodes);
const today = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date();
const services = readServiceFiles(resolve(values.root, 'services'));
const serviceChecks = {
  stale: staleEntries(services, today).map(({ id, lastVerified }) => ({ id, lastVerified: lastVerified.toISOString().slice(0, 10) })),
  unverified: services.filter((s) => !s.verified).map((s) => s.id),
};

/** The services part of the report: entries to re-check, and entries whose facts are not verified. */
function formatServiceChecks(): string[] {
  const lines = ['', serviceChecks.stale.length ? `Services to re-check (not checked for ${freshForMonths} months):` : `Every service was checked in the last ${freshForMonths} months.`];
  for (const entry of serviceChecks.stale) lines.push(`      services/${entry.id}.yaml (last checked ${entry.lastVerified})`);
  lines.push('', serviceChecks.unverified.length ? 'Services with facts to check (verified: false):' : 'No service is marked verified: false.');
  for (const id of serviceChecks.unverified) lines.push(`      services/${id}.yaml`);
  return lines;
}

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
  return [...lines, ...formatServiceChecks()].join('\n');
}

console.log(values.json ? JSON.stringify({ ...status, services: serviceChecks }, null, 2) : formatReport(status));
