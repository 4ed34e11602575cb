import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../../src/i18n/locales.ts';
import { readServiceFiles, readServiceTranslations } from '../../../src/content/service-files.ts';
import { serviceProseHash } from '../../../src/content/service-schema.ts';
import { localizeService } from '../../../src/content/service-translation.ts';
import { checkTranslatedPages } from '../../../src/content/translation-checks.ts';

const services = readServiceFiles('src/content/services');
const helpline = services.find((s) => s.id === 'national-domestic-abuse-helpline')!;
const translations = readServiceTranslations('src/content/services');
const polish = translations.find((t) => t.lang === 'pl' && t.id === helpline.id)!.data;

describe('service descriptions in other languages (src/content/services/<lang>/<id>.yaml)', () => {
  it('the worked examples are current translations of their English entries', () => {
    // The worked examples must stay; translators add more beside them.
    expect(translations.map((t) => `${t.lang}/${t.id}`)).toEqual(
      expect.arrayContaining(['ar/galop', 'ar/national-domestic-abuse-helpline', 'pl/galop', 'pl/national-domestic-abuse-helpline']),
    );
    for (const t of translations) {
      expect(t.data.translation.sourceHash, t.file).toBe(serviceProseHash(services.find((s) => s.id === t.id)!));
    }
  });

  it('a reader gets the translated name, description and hours; numbers and facts stay the English entry\'s', () => {
    const shown = localizeService(helpline, polish, false);
    expect(shown).toMatchObject({ name: polish.name, description: polish.description, hours: polish.hours, phone: '0808 2000 247' });
    expect(shown.inEnglish).toEqual({ name: false, description: false, hours: false });
  });

  it('no translation: the English words, each marked as English; in English nothing is marked', () => {
    expect(localizeService(helpline, undefined, false)).toMatchObject({ description: helpline.description, inEnglish: { name: true, description: true, hours: true } });
    expect(localizeService(helpline, undefined, true).inEnglish).toEqual({ name: false, description: false, hours: false });
  });

  it('a translation that keeps the English name marks only the name as English', () => {
    const { name: _name, ...withoutName } = polish;
    const shown = localizeService(helpline, withoutName, false);
    expect(shown.name).toBe(helpline.name);
    expect(shown.inEnglish).toEqual({ name: true, description: false, hours: false });
  });

  it('once the English words change, the outdated translation is not shown: the English is', () => {
    const changed = { ...helpline, hours: '8am to 8pm, Monday to Friday' };
    expect(localizeService(changed, polish, false)).toMatchObject({ hours: changed.hours, description: helpline.description, inEnglish: { description: true } });
    // Checking the entry again (a new lastVerified) does not outdate it: only the words count.
    expect(serviceProseHash({ ...helpline, lastVerified: new Date('2027-05-01') } as typeof helpline)).toBe(serviceProseHash(helpline));
  });
});

describe('service description translations are held to the same checks as pages', () => {
  const root = mkdtempSync(join(tmpdir(), 'service-translations-'));
  cpSync('src/content/services', join(root, 'services'), { recursive: true });
  const file = join(root, 'services/pl/national-domestic-abuse-helpline.yaml');
  const original = readFileSync(file, 'utf8');
  const problems = (text: string) => {
    writeFileSync(file, text);
    return checkTranslatedPages(root, localeCodes).map((p) => p.message);
  };

  it('the shipped translations pass', () => {
    expect(problems(original)).toEqual([]);
  });

  it('an English sentence left in a description is flagged with the file and line', () => {
    const broken = original.replace(/^description: .*$/m, 'description: "Free help and advice about domestic abuse, run by Refuge, day and night."');
    const line = broken.split('\n').findIndex((l) => l.startsWith('description:')) + 1;
    expect(problems(broken)).toEqual([expect.stringMatching(new RegExp(`services/pl/national-domestic-abuse-helpline.yaml:${line}: English left in a pl page`))]);
  });

  it('hours the English entry has must be translated too', () => {
    expect(problems(original.replace(/^hours: .*\n/m, ''))).toEqual([expect.stringContaining('the English entry has hours; translate them too')]);
  });

  it('a number the English does not have is flagged', () => {
    expect(problems(original.replace('całą dobę, każdego dnia', 'pod numerem 0808 2000 248')).join('\n')).toContain('number "08082000248" is in the English 0 times');
  });
});
