/**
 * The things a translation must carry over from its English source exactly: phone numbers, tel:
 * targets, the short codes a person in danger dials or presses (999, 55, 18000, 18001, 101…),
 * callback references, {{placeholders}} and in-site links. Pure: given the text of a page, it lists
 * each token with its line, so a check can say which file and line is wrong. No Astro, no I/O.
 */

/** One token found on a page: what kind it is, its normalised value and the 1-based line. */
export interface SafetyToken {
  kind: 'number' | 'tel' | 'placeholder' | 'reference' | 'link' | 'picture';
  /** Normalised: ASCII digits without spaces for numbers; the language-free path for links. */
  value: string;
  line: number;
}

/**
 * Short numbers that matter on their own: dialled or pressed in an emergency, or a service's number.
 * Longer runs of digits (six or more) are phone numbers and always count.
 */
export const shortCodes = new Set(['999', '55', '18000', '18001', '101', '111', '112']);

/** Relay UK's prefixes: "18001 0808 2000 247" is the prefix and the number, two tokens. */
const relayPrefixes = new Set(['18000', '18001']);

// Digits in the scripts our languages use: Arabic-Indic, Extended Arabic-Indic (Urdu), Devanagari,
// Bengali, Gurmukhi, Gujarati. Each block's zero is at the given code point.
const digitZeros = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6];

/** Turns every digit in any of our scripts into its ASCII digit, and drops bidi control marks. */
export function normaliseDigits(text: string): string {
  return text
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\p{Nd}/gu, (digit) => {
      const code = digit.codePointAt(0)!;
      const zero = digitZeros.find((z) => code >= z && code <= z + 9);
      return zero === undefined ? digit : String(code - zero);
    });
}

// Link targets: Markdown [text](target "title") and ![alt](target), and HTML href="target".
const markdownTarget = /(!?)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const htmlHref = /\bhref\s*=\s*"([^"]*)"/g;
const placeholder = /\{\{\s*([^}]*?)\s*\}\}/g;
// A callback reference as the queue writes it, e.g. CB-7K3Q-9XPM.
const reference = /\b[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{4}\b/g;
// Digits in groups separated by single spaces (ordinary, no-break or narrow no-break).
const digitRun = /\d+(?:[ \u00a0\u202f]\d+)*/g;

/** An in-site path without its language: "/pl/help-now/#x" → "/help-now/#x". Other targets: undefined. */
export function siteLinkWithoutLanguage(target: string, languages: readonly string[]): string | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  const [, first = '', ...rest] = target.split('/');
  return languages.includes(first) ? `/${rest.join('/')}` : target;
}

/** The language an in-site path points to ("/pl/help-now/" → "pl"), or undefined. */
export function languageOfLink(target: string, languages: readonly string[]): string | undefined {
  const first = target.split('/')[1] ?? '';
  return target.startsWith('/') && languages.includes(first) ? first : undefined;
}

/** The numbers a run of digits holds: a phone number, a short code, or a relay prefix and a number. */
function numbersInRun(run: string): string[] {
  const groups = run.split(/[ \u00a0\u202f]/);
  const found: string[] = [];
  if (groups.length > 1 && relayPrefixes.has(groups[0]!)) found.push(groups.shift()!);
  const compact = groups.join('');
  if (compact.length >= 6) found.push(compact);
  else for (const group of groups) if (shortCodes.has(group)) found.push(group);
  return found;
}

/** Front matter fields that are prose a reader sees, and so are translated and checked. */
const proseFields = /^(title|description|summary):/;

/**
 * Every safety token of a Markdown page, with its line. Front matter is skipped except the fields a
 * reader sees (title, description, summary); link targets count as links, not as numbers.
 */
export function safetyTokens(markdown: string, languages: readonly string[]): SafetyToken[] {
  const lines = markdown.split(/\r?\n/);
  const tokens: SafetyToken[] = [];
  let inFrontMatter = lines[0] === '---';
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (inFrontMatter) {
      if (index > 0 && raw === '---') inFrontMatter = false;
      if (!proseFields.test(raw)) return;
    }
    let text = normaliseDigits(raw);
    const targets: { target: string; image: boolean }[] = [];
    text = text.replace(markdownTarget, (_, bang: string, target: string) => (targets.push({ target, image: bang === '!' }), ']'));
    text = text.replace(htmlHref, (_, target: string) => (targets.push({ target, image: false }), ''));
    for (const { target, image } of targets) {
      if (target.startsWith('tel:')) tokens.push({ kind: 'tel', value: target.slice(4), line });
      else if (target.startsWith('picture:')) tokens.push({ kind: 'picture', value: target, line });
      else if (!image) {
        const path = siteLinkWithoutLanguage(target, languages);
        if (path !== undefined) tokens.push({ kind: 'link', value: path, line });
      }
    }
    text = text.replace(placeholder, (_, name: string) => {
      tokens.push({ kind: 'placeholder', value: `{{${name.replace(/\s+/g, ' ')}}}`, line });
      return ' ';
    });
    text = text.replace(reference, (ref) => (tokens.push({ kind: 'reference', value: ref, line }), ' '));
    for (const [run] of text.matchAll(digitRun)) {
      for (const value of numbersInRun(run)) tokens.push({ kind: 'number', value, line });
    }
  });
  return tokens;
}

/** A difference between a translation and its source, with where to look in each. */
export interface ParityProblem {
  kind: SafetyToken['kind'];
  value: string;
  /** Times in the English source, and the lines there. */
  source: { count: number; lines: number[] };
  /** Times in the translation, and the lines there. */
  translation: { count: number; lines: number[] };
}

/** Kinds described in words for staff. */
const kindNames: Record<SafetyToken['kind'], string> = {
  number: 'number',
  tel: 'tel: link to',
  placeholder: 'placeholder',
  reference: 'reference',
  link: 'link to',
  picture: 'Easy Read picture',
};

/**
 * Every token whose count differs between source and translation. Links are compared without their
 * language; that the translation's links point to the reader's language is checked by `wrongLanguageLinks`.
 */
export function parityProblems(source: readonly SafetyToken[], translation: readonly SafetyToken[]): ParityProblem[] {
  const group = (tokens: readonly SafetyToken[]) => {
    const map = new Map<string, number[]>();
    for (const t of tokens) map.set(`${t.kind}\u0000${t.value}`, [...(map.get(`${t.kind}\u0000${t.value}`) ?? []), t.line]);
    return map;
  };
  const inSource = group(source);
  const inTranslation = group(translation);
  const problems: ParityProblem[] = [];
  for (const key of new Set([...inSource.keys(), ...inTranslation.keys()])) {
    const s = inSource.get(key) ?? [];
    const t = inTranslation.get(key) ?? [];
    if (s.length === t.length) continue;
    const [kind, value] = key.split('\u0000') as [SafetyToken['kind'], string];
    problems.push({ kind, value, source: { count: s.length, lines: s }, translation: { count: t.length, lines: t } });
  }
  return problems;
}

/**
 * The translation line a problem is most likely at. An extra or changed token: where it is. A
 * dropped one: where the unmatched English occurrence would be, scaling English lines to the
 * translation's length (translations keep the English structure, so lines roughly correspond).
 */
export function likelyLine(problem: ParityProblem, scale: number): number {
  const { source, translation } = problem;
  if (translation.count > source.count || source.count === 0) return translation.lines[0]!;
  const expected = source.lines.map((line) => Math.max(1, Math.round(line * scale)));
  const unmatched = [...expected];
  for (const line of translation.lines) {
    const nearest = unmatched.reduce((best, e, i) => (Math.abs(e - line) < Math.abs(unmatched[best]! - line) ? i : best), 0);
    unmatched.splice(nearest, 1);
  }
  return unmatched[0] ?? expected[0]!;
}

/** One problem as a line staff can act on: `file:line: what is wrong`. */
export function describeParityProblem(problem: ParityProblem, line: number, translationFile: string, sourceFile: string): string {
  const { kind, value, source, translation } = problem;
  const what = `${kindNames[kind]} "${value}"`;
  const where = `${translationFile}:${line}`;
  const times = (n: number) => (n === 1 ? '1 time' : `${n} times`);
  const sourceLines = source.count ? ` (${sourceFile} line ${source.lines.join(', ')})` : '';
  const translationLines = translation.count ? ` (line ${translation.lines.join(', ')})` : '';
  return `${where}: ${what} is in the English ${times(source.count)}${sourceLines}, in the translation ${times(translation.count)}${translationLines}`;
}

/** In-site links of a translation that point to a language other than the page's own. */
export function wrongLanguageLinks(markdown: string, lang: string, languages: readonly string[]): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  markdown.split(/\r?\n/).forEach((raw, index) => {
    for (const match of raw.matchAll(markdownTarget)) {
      const linkLang = match[1] ? undefined : languageOfLink(match[2]!, languages);
      if (linkLang && linkLang !== lang) found.push({ target: match[2]!, line: index + 1 });
    }
    for (const match of raw.matchAll(htmlHref)) {
      const linkLang = languageOfLink(match[1]!, languages);
      if (linkLang && linkLang !== lang) found.push({ target: match[1]!, line: index + 1 });
    }
  });
  return found;
}
