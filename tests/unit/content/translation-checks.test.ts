import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../../src/i18n/locales.ts';
import { englishSentences } from '../../../src/content/english-left.ts';
import { normaliseDigits, safetyTokens } from '../../../src/content/safety-tokens.ts';
import { checkTranslatedPages, checkTranslation, translatedPagePairs, type TranslationPair } from '../../../src/content/translation-checks.ts';

// The real pages: every translation the site ships is held to its English source.
describe('every translated page in src/content', () => {
  const pairs = translatedPagePairs('src/content');

  it('keeps every number, tel: link, placeholder, reference and in-site link of its English source, and no English sentence', () => {
    expect(pairs.length).toBeGreaterThan(30);
    const problems = checkTranslatedPages('src/content', localeCodes).map((p) => p.message);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('runs over every page quickly enough for every build', () => {
    const started = performance.now();
    checkTranslatedPages('src/content', localeCodes);
    // ~200 pages when every page is translated: this budget is for today's pages scaled tenfold.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

// Mutations of a real translation: each must fail with the file and the line.
const english = readFileSync('src/content/guidance/en/help-now.md', 'utf8');
const polish = readFileSync('src/content/guidance/pl/help-now.md', 'utf8');
const pair = (text: string, lang = 'pl'): TranslationPair => ({
  lang,
  source: { file: 'src/content/guidance/en/help-now.md', text: english },
  translation: { file: `src/content/guidance/${lang}/help-now.md`, text },
});
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const messages = (text: string, lang = 'pl') => checkTranslation(pair(text, lang), localeCodes).map((p) => p.message);

describe('numbers parity', () => {
  it('the real Polish page passes as it is', () => {
    expect(messages(polish)).toEqual([]);
  });

  it('dropping the Silent Solution\'s "55" fails, naming the file and the line', () => {
    const line = lineOf(polish, '**55**');
    const broken = polish.replace('**55**', '**5**');
    const found = messages(broken);
    expect(found).toEqual([expect.stringMatching(/^src\/content\/guidance\/pl\/help-now.md:\d+: number "55" is in the English (\d+) times .*in the translation (\d+) times? /)]);
    const [, inEnglish, inTranslation] = /English (\d+) times .*translation (\d+) time/.exec(found[0]!)!;
    expect(Number(inTranslation)).toBe(Number(inEnglish) - 1);
    // A dropped token has no line of its own: the English line, scaled to the translation, lands near it.
    expect(Math.abs(Number(/:(\d+):/.exec(found[0]!)![1]) - line)).toBeLessThanOrEqual(2);
  });

  it('one changed digit in a helpline number fails, even when the tel: link is right', () => {
    const broken = polish.replace('[0808 2000 247]', '[0808 2000 274]');
    const found = messages(broken);
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toMatch(/number "08082000247" is in the English \d+ times?/);
    expect(found.join('\n')).toContain(`help-now.md:${lineOf(polish, '[0808 2000 247]')}: number "08082000274" is in the English 0 times`);
  });

  it('a changed tel: target fails', () => {
    expect(messages(polish.replace('(tel:08082000247)', '(tel:08082000248)')).join('\n')).toContain('tel: link to "08082000248"');
  });

  it('a dropped 999 fails', () => {
    const once = polish.replace(/\[999\]\(tel:999\)/, 'policję');
    expect(messages(once).join('\n')).toMatch(/tel: link to "999" is in the English 3 times/);
  });

  it('digits written in Arabic-Indic, Urdu, Bengali, Gurmukhi or Gujarati script count as the same digits', () => {
    expect(normaliseDigits('٩٩٩ ۰۸۰۸ ৫৫ ੧੦੧ ૧૮૦૦૦')).toBe('999 0808 55 101 18000');
    const arabic = readFileSync('src/content/guidance/ar/help-now.md', 'utf8');
    const arabicDigits = arabic.replace('**55**', '**٥٥**').replace('[0808 2000 247]', '[٠٨٠٨ ٢٠٠٠ ٢٤٧]');
    expect(messages(arabicDigits, 'ar')).toEqual([]);
    expect(messages(arabic.replace('**55**', '**٥**'), 'ar').join('\n')).toContain('number "55"');
  });

  it('18001 before a number is the relay prefix and the number, and years or counts are not numbers to match', () => {
    const values = safetyTokens('Call 18001 0808 2000 247. Since 2021, 16 days, press 55, 101.', localeCodes).map((t) => t.value);
    expect(values).toEqual(['18001', '08082000247', '55', '101']);
  });

  it('a dropped {{placeholder}} or a changed reference fails', () => {
    const source = 'We will call within {{firstContact}}. Your reference looks like CB-7K3Q-9XPM.';
    const check = (text: string) =>
      checkTranslation({ lang: 'pl', source: { file: 'en.md', text: source }, translation: { file: 'pl.md', text } }, localeCodes).map((p) => p.message);
    expect(check('Zadzwonimy w ciągu {{ firstContact }}. Numer wygląda tak: CB-7K3Q-9XPM.')).toEqual([]);
    expect(check('Zadzwonimy szybko. Numer wygląda tak: CB-7K3Q-9XPM.').join('\n')).toContain('placeholder "{{firstContact}}"');
    expect(check('Zadzwonimy w ciągu {{firstContact}}. Numer wygląda tak: CB-7K3Q-9XPN.').join('\n')).toContain('reference "CB-7K3Q-9XPM"');
  });
});

describe('links parity', () => {
  it('a link to the English page instead of the Polish one fails', () => {
    const broken = polish.replace('(/pl/callback/)', '(/en/callback/)');
    expect(messages(broken)).toEqual([expect.stringMatching(/help-now.md:\d+: the link \/en\/callback\/ goes to another language; use \/pl\/…/)]);
  });

  it('a dropped in-site link fails, and one to another page fails', () => {
    expect(messages(polish.replace(/\[([^\]]+)\]\(\/pl\/callback\/\)/, '$1')).join('\n')).toContain('link to "/callback/" is in the English 1 time');
    expect(messages(polish.replace('(/pl/callback/)', '(/pl/help-now/)')).join('\n')).toContain('link to "/help-now/" is in the English 0 times');
  });

  it('an Easy Read page that drops a point (and its picture) fails', () => {
    const source = readFileSync('src/content/guidance/en/easy-read-help-now.md', 'utf8');
    const dropped = source.replace(/^- !\[\]\(picture:pharmacy\).*\n/m, '');
    const found = checkTranslation({ lang: 'pl', source: { file: 'en.md', text: source }, translation: { file: 'pl.md', text: dropped } }, localeCodes);
    expect(found.map((p) => p.message).join('\n')).toContain('Easy Read picture "picture:pharmacy"');
  });
});

describe('no English left behind', () => {
  it('an English sentence in a Polish page is flagged with its line', () => {
    const broken = polish.replace(/^## (.*)$/m, '## $1\n\nIf you are in danger now, call the police and ask for help.');
    const line = lineOf(broken, 'If you are in danger');
    expect(messages(broken)).toEqual([expect.stringContaining(`help-now.md:${line}: English left in a pl page: "If you are in danger now, call the police and ask for help"`)]);
  });

  it('an English sentence in an Urdu page is flagged; a paragraph wrapped over lines counts as one sentence', () => {
    expect(englishSentences('---\ntitle: x\n---\n\nسلام\n\nYou can ask us to call you back at a time\nthat is safe for you.')).toEqual([
      { line: 7, text: 'You can ask us to call you back at a time that is safe for you' },
    ]);
  });

  it('an English title in the front matter is flagged', () => {
    expect(englishSentences('---\ntitle: What to do if you are in danger\n---\n\nTekst.')).toEqual([{ line: 2, text: 'What to do if you are in danger' }]);
  });

  it('names, numbers, code, <span lang="en">, <bdi> and short quotations are not English sentences', () => {
    const text = [
      '- **National Domestic Abuse Helpline** (Refuge): [0808 2000 247](tel:08082000247).',
      'Powiedz <span lang="en">"Can I ask for ANI?"</span> w aptece.',
      'Znak „Ask for ANI” i usługa <bdi>999 BSL</bdi>; `if you are the one`.',
      'Organizacja "by and for" dla ciebie.',
      'Pomoc: Men\'s Advice Line, Galop, Karma Nirvana, Rape Crisis, Samaritans.',
    ].join('\n');
    expect(englishSentences(text)).toEqual([]);
  });

  it('Polish, Romanian, Portuguese and Spanish sentences are not mistaken for English', () => {
    for (const sentence of [
      'Jeśli to możliwe, zadzwoń do nas, a my do ciebie oddzwonimy w bezpiecznym czasie.',
      'Dacă sunteți în pericol acum, sunați la poliție și cereți ajutor, vă rugăm.',
      'Se não puder falar, fique em silêncio e carregue no 55 quando lhe pedirem.',
      'Si no puede hablar, quédese en silencio y pulse 55 cuando se lo pidan.',
    ]) {
      expect(englishSentences(sentence), sentence).toEqual([]);
    }
  });
});
