/**
 * npm run content:status [-- --json] [-- --lang <code>] [-- --root <folder>]
 * For each language: which pages and service descriptions are up to date, outdated (the English
 * changed since), missing, or machine-drafted and not yet reviewed, in the order staff should review
 * them (src/content/review-priority.ts); the words that may not match the termbase
 * (locales/terms/<lang>.json); then every page still marked `verified: false`.
 * Then the services directory entries not checked for six months, and those marked `verified: false`.
 * --lang pl narrows the report to one language. --terms prints the termbase as the staff guide's table.
 * npm run content:status -- --hash guidance/en/<slug>.md prints the sourceHash a translation records
 * (for services/<id>.yaml: the hash of the entry's prose fields, which a description translation records).
 * Plain Node (no Astro, no Vite), so staff can run it without building the site. Any error is one
 * plain sentence, never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { isLocaleCode, localeFor, localeCodes } from '../i18n/locales.ts';
import { readContentFiles, sourceHash } from '../content/content-files.ts';
import { readServiceFiles, readServiceSources } from '../content/service-files.ts';
import { serviceProseHash, serviceSchema } from '../content/service-schema.ts';
import { freshForMonths, staleEntries } from '../content/service-freshness.ts';
import { describeTermWarning, termbaseTable } from '../content/termbase.ts';
import { termReports, type TermReport } from '../content/term-reports.ts';
import { contentStatus, summaryLine, type ContentStatus } from '../content/translation-status.ts';
import { contentErrors } from '../content/content-errors.ts';

const usage = 'Usage: npm run content:status [-- --json] [-- --lang <code>] [-- --today YYYY-MM-DD] [-- --hash <file>] [-- --terms]';

/** A mistake by the person running the command: printed as one sentence with the usage, exit 2. */
class UsageError extends Error {}

/** The sourceHash for `file`: a service entry's prose hash, or any other file's sha256. */
function hashFor(file: string): string {
  const bytes = readFileSync(file);
  const isServiceEntry = basename(dirname(resolve(file))) === 'services' && file.endsWith('.yaml');
  if (!isServiceEntry) return sourceHash(bytes);
  const entry = serviceSchema.safeParse(parse(bytes.toString('utf8')));
  if (!entry.success) throw new Error(`${file} is not a valid service entry: ${entry.error.issues[0]?.message}`);
  return serviceProseHash(entry.data);
}

/** The services part of the report: entries to re-check, and entries whose facts are not verified. */
function formatServiceChecks(checks: { stale: { id: string; lastVerified: string }[]; unverified: string[] }): string[] {
  const lines = ['', checks.stale.length ? `Services to re-check (not checked for ${freshForMonths} months):` : `Every service was checked in the last ${freshForMonths} months.`];
  for (const entry of checks.stale) lines.push(`      services/${entry.id}.yaml (last checked ${entry.lastVerified})`);
  lines.push('', checks.unverified.length ? 'Services with facts to check (verified: false):' : 'No service is marked verified: false.');
  for (const id of checks.unverified) lines.push(`      services/${id}.yaml`);
  return lines;
}

/** The report as staff read it: per language a summary line, then what needs work, most urgent first. */
function formatReport({ languages, unverified }: ContentStatus, terms: readonly TermReport[]): string[] {
  const lines: string[] = ['Translation status (English is the source). Pages are listed in the order to review them.', ''];
  for (const language of languages) {
    lines.push(summaryLine(language, localeFor(language.lang).englishName));
    for (const page of language.pages) {
      const name = `${page.collection}/${page.slug}`;
      if (page.state === 'outdated') lines.push(`      outdated:     ${name} (${page.reason})`);
      if (page.state === 'no-record') lines.push(`      no translation record: ${name} (readers see no notice; add the record so changes to the English are caught)`);
      if (page.state === 'missing') lines.push(`      missing:      ${name} (shown in English with a notice)`);
      if (page.unreviewed) lines.push(`      not reviewed: ${name}`);
    }
    const mine = terms.filter((t) => t.lang === language.lang);
    if (mine.length) lines.push(`    Words to check against the termbase (locales/terms/${language.lang}.json):`);
    for (const t of mine) lines.push(`      ${t.file}: ${describeTermWarning(t)}`);
  }
  lines.push('', unverified.length ? 'Facts to check (verified: false):' : 'No page is marked verified: false.');
  for (const page of unverified) lines.push(`      ${page.collection}/${page.lang}/${page.slug}`);
  return lines;
}

/** Runs the command; throws a UsageError or Error whose message is all the person needs. */
function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        root: { type: 'string', default: fileURLToPath(new URL('../content', import.meta.url)) },
        hash: { type: 'string' },
        lang: { type: 'string' },
        terms: { type: 'boolean', default: false },
        // Fixes "today" for the six-month check, so tests and reports can be reproduced.
        today: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  if (values.hash) {
    // Staff may give the path from the project folder or from src/content.
    const file = existsSync(values.hash) ? values.hash : resolve(values.root, values.hash);
    if (!existsSync(file)) throw new UsageError(`There is no file ${values.hash} (give it from the project folder or from src/content).`);
    console.log(hashFor(file));
    return;
  }
  if (values.lang !== undefined && !isLocaleCode(values.lang)) {
    throw new UsageError(`"${values.lang}" is not one of the site's languages: ${localeCodes.join(', ')}.`);
  }
  if (values.terms) {
    // The table the staff guide shows; with --lang, English and that language only.
    console.log(termbaseTable(values.lang ? ['en', values.lang] : localeCodes));
    return;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError(`--today must be a date written YYYY-MM-DD.`);

  // The report would stop at the first of these with a less helpful message, so they come first.
  const errors = contentErrors(values.root, `${relative(process.cwd(), values.root) || '.'}/`);
  if (errors.length) throw new Error(['these files must be fixed first:', ...errors.map((e) => `  ${e.message}`)].join('\n'));

  const languages = values.lang ? [values.lang] : localeCodes;
  const servicesDir = resolve(values.root, 'services');
  const services = readServiceFiles(servicesDir);
  const status = contentStatus(readContentFiles(values.root), languages, 'en', readServiceSources(servicesDir));
  const terms = termReports(values.root, languages);
  const today = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date();
  const serviceChecks = {
    stale: staleEntries(services, today).map(({ id, lastVerified }) => ({ id, lastVerified: lastVerified.toISOString().slice(0, 10) })),
    unverified: services.filter((s) => !s.verified).map((s) => s.id),
  };
  if (values.json) {
    console.log(JSON.stringify({ ...status, terms, services: serviceChecks }, null, 2));
    return;
  }
  console.log([...formatReport(status, terms), ...formatServiceChecks(serviceChecks)].join('\n'));
}

try {
  main();
} catch (error) {
  // Staff read this, not developers: the message says what is wrong and where, a stack trace would hide it.
  console.error(`content:status: ${(error as Error).message}`);
  if (error instanceof UsageError) console.error(usage);
  process.exit(error instanceof UsageError ? 2 : 1);
}
