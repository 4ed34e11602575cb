import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../../src/i18n/locales.ts';
import { readTermbase, termbaseTable, termIds, termWarnings } from '../../../src/content/termbase.ts';

describe('the termbase, locales/terms/<lang>.json', () => {
  it('has a file for every language, each with every term, matching the schema', () => {
    for (const lang of localeCodes) {
      const termbase = readTermbase(lang);
      expect(termbase.language).toBe(lang);
      expect(Object.keys(termbase.terms)).toEqual([...termIds]);
    }
  });

  it('every translated file is marked machine-drafted until a person reviews it', () => {
    for (const lang of localeCodes.filter((l) => l !== 'en')) {
      const { machineDrafted, reviewedBy, reviewedOn } = readTermbase(lang);
      expect(machineDrafted || Boolean(reviewedBy && reviewedOn), lang).toBe(true);
    }
  });

  it('writing the agreed word satisfies the check: each agreed word holds one of its own forms', () => {
    for (const lang of localeCodes) {
      for (const [id, term] of Object.entries(readTermbase(lang).terms)) {
        const agreed = term.agreed.normalize('NFC').toLocaleLowerCase();
        expect(term.forms.some((f) => agreed.includes(f.normalize('NFC').toLocaleLowerCase())), `${lang} ${id}: "${term.agreed}"`).toBe(true);
      }
    }
  });

  it('the staff guide shows the termbase as it is in the files', () => {
    const guide = readFileSync('src/content/README.md', 'utf8');
    const shown = /<!-- termbase:start -->\n([\s\S]*?)\n<!-- termbase:end -->/.exec(guide)?.[1];
    expect(shown, 'Paste the output of `npm run content:status -- --terms` between the termbase markers of src/content/README.md').toBe(termbaseTable(localeCodes));
  });

  it('a wrong file fails with the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'terms-'));
    const broken = JSON.parse(readFileSync('locales/terms/pl.json', 'utf8'));
    delete broken.terms.refuge;
    writeFileSync(join(dir, 'pl.json'), JSON.stringify(broken));
    expect(() => readTermbase('pl', new URL(`file://${dir}/`))).toThrow(/locales\/terms\/pl.json: terms.refuge/);
  });
});

describe('termWarnings', () => {
  const english = readTermbase('en');
  const polish = readTermbase('pl');
  const en = '---\ntitle: Help\n---\n\nIf you live with domestic abuse, we can call you back at a safe time.';

  it('no warning when the translation uses the agreed words, in any inflection, even wrapped over a line', () => {
    const pl = '---\ntitle: Pomoc\n---\n\nJeśli doświadczasz przemocy\ndomowej, możemy oddzwonić w bezpiecznym czasie.';
    expect(termWarnings(en, pl, english, polish)).toEqual([]);
  });

  it('warns when the English uses a term and the translation has another word for it', () => {
    const pl = '---\ntitle: Pomoc\n---\n\nJeśli doświadczasz przemocy w rodzinie, możemy oddzwonić w bezpiecznym czasie.';
    expect(termWarnings(en, pl, english, polish)).toEqual([
      { term: 'domesticAbuse', english: 'domestic abuse', agreed: 'przemoc domowa', kind: 'avoided', found: 'przemocy w rodzinie' },
    ]);
    const noCallback = '---\ntitle: Pomoc\n---\n\nPrzemoc domowa: zadzwonimy w bezpiecznym czasie.';
    expect(termWarnings(en, noCallback, english, polish).map((w) => [w.term, w.kind])).toEqual([['callback', 'missing']]);
  });

  it('asks only for terms the English page uses; the charity Refuge is not the term "refuge"', () => {
    const refugeCharity = 'The helpline is run by Refuge.';
    expect(termWarnings(refugeCharity, 'Infolinię prowadzi Refuge.', english, polish)).toEqual([]);
    expect(termWarnings('You can stay in a refuge.', 'Możesz zamieszkać w bezpiecznym miejscu.', english, polish).map((w) => w.term)).toEqual(['refuge']);
  });
});

describe('content:status with the termbase, --lang and mistakes', () => {
  const root = mkdtempSync(join(tmpdir(), 'content-status-'));
  for (const lang of ['en', 'pl', 'ro']) mkdirSync(join(root, 'guidance', lang), { recursive: true });
  mkdirSync(join(root, 'services'));
  // Every page needs the fields the build requires (content-errors.ts), or content:status stops first.
  const fields = 'description: A page.\nlastReviewed: 2026-11-02\n';
  writeFileSync(join(root, 'guidance/en/help-now.md'), `---\ntitle: Help now\n${fields}---\n\nDomestic abuse is never your fault.\n`);
  writeFileSync(join(root, 'guidance/en/about.md'), `---\ntitle: About\n${fields}---\n\nAbout us.\n`);
  writeFileSync(join(root, 'guidance/en/cover-your-tracks.md'), `---\ntitle: Cover your tracks\n${fields}---\n\nTracks.\n`);
  writeFileSync(join(root, 'guidance/pl/help-now.md'), `---\ntitle: Pomoc\n${fields}---\n\nPrzemoc w rodzinie nigdy nie jest twoją winą.\n`);
  writeFileSync(join(root, 'guidance/ro/help-now.md'), `---\ntitle: Ajutor\n${fields}---\n\nViolența domestică nu este vina ta.\n`);
  const run = (...args: string[]) => spawnSync(process.execPath, ['src/cli/content-status.ts', '--root', root, ...args], { encoding: 'utf8' });

  it('lists what to review first: help now, then cover your tracks, then the rest', () => {
    const { languages } = JSON.parse(run('--json').stdout) as { languages: { lang: string; pages: { slug: string }[] }[] };
    expect(languages.find((l) => l.lang === 'pl')!.pages.map((p) => p.slug)).toEqual(['help-now', 'cover-your-tracks', 'about']);
  });

  it('--lang pl narrows the report, and the termbase warning names the file', () => {
    const { languages, terms } = JSON.parse(run('--json', '--lang', 'pl').stdout) as { languages: { lang: string }[]; terms: { lang: string; term: string; file: string }[] };
    expect(languages.map((l) => l.lang)).toEqual(['pl']);
    expect(terms).toEqual([expect.objectContaining({ lang: 'pl', term: 'domesticAbuse', kind: 'avoided', file: expect.stringMatching(/guidance\/pl\/help-now.md$/) })]);
    const text = run('--lang', 'pl').stdout;
    expect(text).toContain('Words to check against the termbase (locales/terms/pl.json):');
    expect(text).toMatch(/guidance\/pl\/help-now.md: uses "przemoc w rodzinie" for "domestic abuse"; the agreed word is "przemoc domowa"/);
    expect(text).not.toContain('ro  Romanian');
  });

  it('mistakes get one plain sentence and the usage, never a stack trace', () => {
    for (const [args, message, status] of [
      [['--lang', 'xx'], '"xx" is not one of the site\'s languages', 2],
      [['--nonsense'], "Unknown option '--nonsense'", 2],
      [['--hash', 'guidance/en/nothing.md'], 'There is no file guidance/en/nothing.md', 2],
      [['--today', 'yesterday'], '--today must be a date written YYYY-MM-DD', 2],
    ] as const) {
      const result = run(...args);
      expect(result.status, args.join(' ')).toBe(status);
      expect(result.stderr).toContain(`content:status: ${message}`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('a broken file in the content is named in one sentence, exit 1, no stack trace', () => {
    writeFileSync(join(root, 'services', 'broken.yaml'), 'name: Broken\n');
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^content:status: these files must be fixed first:$/m);
    expect(result.stderr).toMatch(/services\/broken\.yaml, line 1: description is missing: add a line "description: …"\./);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
