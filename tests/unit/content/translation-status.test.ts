import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../../src/i18n/locales.ts';
import { readContentFiles, sourceHash } from '../../../src/content/content-files.ts';
import { contentStatus, summaryLine, type ContentStatus } from '../../../src/content/translation-status.ts';
import { readServiceSources } from '../../../src/content/service-files.ts';

// tests/fixtures/content-status/README.md says what each fixture page stands for.
const fixtures = new URL('../../fixtures/content-status/', import.meta.url).pathname;
const stateOf = (status: ContentStatus, lang: string, slug: string) =>
  status.languages.find((l) => l.lang === lang)!.pages.find((p) => p.slug === slug);

describe('contentStatus with the fixture pages', () => {
  const status = contentStatus(readContentFiles(fixtures), ['en', 'ar']);

  it('a translation of the current English, reviewed by a person, is up to date and reviewed', () => {
    expect(stateOf(status, 'ar', 'alpha')).toMatchObject({ state: 'up-to-date', unreviewed: false });
  });

  it('a translation of an older English text is outdated', () => {
    expect(stateOf(status, 'ar', 'beta')).toMatchObject({ state: 'outdated', unreviewed: true });
    expect(stateOf(status, 'ar', 'beta')!.reason).toMatch(/English page changed/);
  });

  it('a machine draft of the current English is up to date but not reviewed', () => {
    expect(stateOf(status, 'ar', 'gamma')).toMatchObject({ state: 'up-to-date', unreviewed: true });
  });

  it('a page with no translation is missing', () => {
    expect(stateOf(status, 'ar', 'delta')).toMatchObject({ state: 'missing', unreviewed: false });
  });

  it('a translation without a record is "no translation record" for staff, never outdated', () => {
    expect(stateOf(status, 'ar', 'epsilon')).toMatchObject({ state: 'no-record', reason: expect.stringMatching(/^no translation record/) });
  });

  it('English pages are the source: all up to date', () => {
    const english = status.languages.find((l) => l.lang === 'en')!;
    expect(english.counts).toEqual({ upToDate: 6, outdated: 0, missing: 0, noRecord: 0, unreviewed: 0 });
  });

  it('counts each state and lists unverified pages', () => {
    const arabic = status.languages.find((l) => l.lang === 'ar')!;
    // alpha, gamma up to date; beta outdated; epsilon no record; delta and the campaign missing; beta and epsilon and gamma unreviewed.
    expect(arabic.counts).toEqual({ upToDate: 2, outdated: 1, missing: 2, noRecord: 1, unreviewed: 3 });
    expect(summaryLine(arabic, 'Arabic')).toBe('ar  Arabic      2 up to date, 1 outdated, 2 missing, 1 with no translation record, 3 not reviewed');
    expect(status.unverified).toEqual([{ collection: 'campaigns', lang: 'en', slug: 'event' }]);
  });

  it('sourceHash is sha256 hex of the bytes, as the translation record expects', () => {
    expect(sourceHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('npm run content:status', () => {
  // Run the real script with plain Node: proves it needs no Astro or Vite to run.
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['src/cli/content-status.ts', '--root', fixtures, ...args], { encoding: 'utf8' });

  it('--json gives the same report as data, for every language of the site', () => {
    const { services: checks, terms, ...json } = JSON.parse(run('--json', '--today', '2026-11-25')) as ContentStatus & { services: unknown; terms: unknown };
    expect(terms).toEqual([]);
    expect(json.languages.map((l) => l.lang)).toEqual(localeCodes);
    const expected = contentStatus(readContentFiles(fixtures), localeCodes, 'en', readServiceSources(`${fixtures}services`));
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(checks).toEqual({ stale: [{ id: 'checked-long-ago', lastVerified: '2026-03-01' }], unverified: ['checked-long-ago'] });
  });

  it('prints a line per language and names the pages that need work', () => {
    const text = run();
    // The pages above, plus the two Arabic service descriptions: one up to date, one outdated.
    expect(text).toContain('ar  Arabic      3 up to date, 2 outdated, 2 missing, 1 with no translation record, 4 not reviewed');
    expect(text).toMatch(/no translation record: guidance\/epsilon \(readers see no notice/);
    expect(text).toMatch(/outdated: +services\/checked-long-ago/);
    expect(text).toMatch(/not reviewed: +services\/checked-recently/);
    expect(text).toMatch(/outdated: +guidance\/beta \(the English page changed since it was translated\)/);
    expect(text).toMatch(/missing: +guidance\/delta/);
    expect(text).toMatch(/not reviewed: +guidance\/gamma/);
    expect(text).toContain('campaigns/en/event');
  });

  it('lists directory entries not checked for six months, and those not verified', () => {
    const text = run('--today', '2026-11-25');
    expect(text).toContain('Services to re-check (not checked for 6 months):');
    expect(text).toContain('services/checked-long-ago.yaml (last checked 2026-03-01)');
    expect(text).not.toContain('services/checked-recently.yaml (last checked');
    expect(text).toMatch(/Services with facts to check \(verified: false\):\n +services\/checked-long-ago\.yaml/);
    // Six months on, the recent entry is due too.
    expect(run('--today', '2027-03-02')).toContain('services/checked-recently.yaml (last checked 2026-09-01)');
  });

  it('--hash prints the sourceHash a translation of that file records', () => {
    expect(run('--hash', 'guidance/en/alpha.md').trim()).toBe(readContentFiles(fixtures).find((f) => f.slug === 'alpha' && f.lang === 'en')!.hash);
  });
});
