import type { Page } from '@playwright/test';

/**
 * Runs of Latin script and digits (phone numbers, references, names such as "Relay UK" or
 * "999 BSL") on the page whose characters are not drawn left to right in the order they are
 * written: in right-to-left text an unisolated "0808 2000 247" shows as "247 2000 0808". Each
 * finding says what was misdrawn. Characters are compared only with others on the same line, so a
 * run that wraps is not a finding; hidden text is skipped.
 */
export function misorderedRuns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // A word: Latin letters or digits, with + - . ' ’ / : inside; it ends on a letter, digit or "+"
    // ("LGBT+"), so a sentence's full stop after a name is not part of it. Words joined by single spaces.
    const word = "[\\p{Script=Latin}\\d](?:[\\p{Script=Latin}\\d+\\-.'’/:]*[\\p{Script=Latin}\\d+])?";
    const run = new RegExp(`${word}(?:[ \\u00a0]${word})*`, 'gu');
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, template, [hidden]')) continue;
      const text = node.textContent ?? '';
      for (const match of text.matchAll(run)) {
        if (match[0].length < 2) continue;
        let previous: { x: number; top: number } | undefined;
        for (let i = match.index; i < match.index + match[0].length; i++) {
          if (/\s/.test(text[i]!)) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) break;
          const here = { x: box.left + box.width / 2, top: Math.round(box.top) };
          if (previous && Math.abs(previous.top - here.top) < box.height / 2 && here.x < previous.x) {
            found.push(`"${match[0]}" is drawn out of order (in "${text.trim().slice(0, 60)}")`);
            break;
          }
          previous = here;
        }
      }
    }
    return found;
  });
}
