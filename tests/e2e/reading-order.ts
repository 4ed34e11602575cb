import type { Locator } from '@playwright/test';

/**
 * Where text is drawn, checked on screen rather than in the markup: the bidirectional algorithm can
 * pull a number or a Latin-script term apart inside right-to-left text ("11:00 AM" shown as
 * "AM 11:00", "LGBT+" as "+LGBT", "07700 900123" as "900123 07700").
 *
 * A piece is a number, a time or a Latin-script term: letters and digits (any script's digits),
 * joined by : . , + ' & / - or one space only when another letter or digit follows, and "LGBT+"'s
 * trailing plus. Every piece must be drawn left to right, one character after another, on each line
 * it takes. Returns a description of every piece drawn otherwise, with what the reader sees.
 */
export async function piecesDrawnOutOfOrder(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const piece = /[\p{Nd}A-Za-z](?:[\p{Nd}A-Za-z]|[+:.,'’&/\- \u00A0](?=[\p{Nd}A-Za-z]))*\+?/gu;
    const problems: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('script, style, template, noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(piece)) {
        // A run of letters or digits alone is always drawn left to right; only what joins them can move.
        if (!/[^\p{Nd}A-Za-z]/u.test(match[0])) continue;
        // Where each visible character is drawn: its box's centre, and the line it sits on.
        const drawn: { char: string; x: number; top: number; bottom: number }[] = [];
        for (let i = match.index; i < match.index + match[0].length; i++) {
          if (/\s/.test(text[i]!)) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getClientRects()[0];
          if (!box || box.width === 0) continue;
          drawn.push({ char: text[i]!, x: box.left + box.width / 2, top: box.top, bottom: box.bottom });
        }
        for (let i = 1; i < drawn.length; i++) {
          const [a, b] = [drawn[i - 1]!, drawn[i]!];
          const sameLine = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
          if (sameLine && b.x <= a.x) {
            const seen = [...drawn].filter((d) => Math.abs(d.top - a.top) < 2).sort((p, q) => p.x - q.x).map((d) => d.char).join('');
            problems.push(`"${match[0]}" is drawn as "${seen}" in: ${text.trim().slice(0, 80)}`);
            break;
          }
        }
      }
    }
    return problems;
  });
}
