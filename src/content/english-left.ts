/**
 * Finds English sentences left in a page that claims another language. Names (Refuge, Relay UK),
 * numbers and code are fine; so is English the page marks as deliberate: inside
 * `<span lang="en">…</span>` (which also makes screen readers switch voice), inside `<bdi>…</bdi>`,
 * or a short quotation such as “Ask for ANI”. Pure: text in, sentences with lines out.
 */

// Words common in English sentences and not words of Polish, Romanian, Portuguese or Spanish, so a
// Latin-script translation does not trip on its own words ("a", "to", "no", "we", "are" are left out).
const englishWords = new Set(
  `the and you your yours our they them their is was were will would should could can cannot can't don't
  does with this that these those what when where which who why how have has had not from for if of it its
  be been there here about than then or any all may must into only also she him her his`.split(/\s+/),
);

/** A sentence is English when it has this many Latin-script words… */
const minimumWords = 4;
/** …of which at least this many, and this share, are common English words. */
const minimumEnglishWords = 2;
const minimumEnglishShare = 0.2;
/** Quotations this short may stay in English: a sign's words, a phrase to say at a counter. */
const longestQuotation = 8;

/** Replaces every match with spaces (keeping newlines), so offsets and line numbers stay true. */
function blank(text: string, pattern: RegExp, keep?: (match: string, ...groups: string[]) => boolean): string {
  return text.replace(pattern, (match, ...groups) => (keep?.(match, ...(groups as string[])) ? match : match.replace(/[^\n]/g, ' ')));
}

/** Front matter lines other than the prose fields a reader sees become blank. */
function blankFrontMatter(markdown: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?(?:\n|$)/.exec(markdown);
  if (!match) return markdown;
  const kept = match[0]
    .split('\n')
    .map((line) => (/^(title|description|summary):/.test(line) ? line.replace(/^\w+:/, (k) => ' '.repeat(k.length)) : ' '.repeat(line.length)))
    .join('\n');
  return kept + markdown.slice(match[0].length);
}

/** The text with everything that may be English on purpose, or is not prose, blanked out. */
function proseOnly(markdown: string): string {
  let text = blankFrontMatter(markdown);
  text = blank(text, /<!--[\s\S]*?-->/g);
  text = blank(text, /```[\s\S]*?```|`[^`\n]*`/g);
  text = blank(text, /<span\s+lang="en"[^>]*>[\s\S]*?<\/span>/g);
  text = blank(text, /<bdi>[\s\S]*?<\/bdi>/g);
  text = blank(text, /\]\([^)]*\)/g);
  text = blank(text, /https?:\/\/\S+/g);
  text = blank(text, /<[^>]+>/g);
  text = blank(text, /\{\{[^}]*\}\}/g);
  // Short quotations: “…”, "…", «…», „…”, ‘…’.
  return blank(text, /“[^”]*”|"[^"\n]*"|«[^»]*»|„[^”“]*[”“]|‘[^’]*’/g, (quote) => quote.split(/\s+/).length > longestQuotation);
}

// A sentence: text up to . ! ? or an Arabic, Urdu or Devanagari-family full stop, continuing over a
// line break unless a blank line, list item or heading starts there.
const sentencePattern = /[^.!?؟۔।\n]+(?:\n(?![ \t]*(?:\n|[-*+][ \t]|\d+\.[ \t]|#))[^.!?؟۔।\n]+)*/g;

/** True when the words read as an English sentence. */
export function looksEnglish(sentence: string): boolean {
  const words = sentence.match(/[A-Za-z][A-Za-z']*/g) ?? [];
  if (words.length < minimumWords) return false;
  const english = words.filter((w) => englishWords.has(w.toLowerCase())).length;
  return english >= minimumEnglishWords && english / words.length >= minimumEnglishShare;
}

/** Every English sentence in a translated Markdown page, with its 1-based line. */
export function englishSentences(markdown: string): { line: number; text: string }[] {
  const text = proseOnly(markdown);
  const found: { line: number; text: string }[] = [];
  for (const match of text.matchAll(sentencePattern)) {
    if (!looksEnglish(match[0])) continue;
    const start = match.index + match[0].search(/\S/);
    const line = text.slice(0, start).split('\n').length;
    const words = match[0].replace(/\s+/g, ' ').trim();
    found.push({ line, text: words.length > 80 ? `${words.slice(0, 77)}…` : words });
  }
  return found;
}
