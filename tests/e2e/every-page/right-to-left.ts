import { piecesDrawnOutOfOrder } from '../reading-order.ts';
import type { PageCheck } from './visit.ts';

/**
 * In right-to-left pages, numbers, phone numbers, references and Latin-script names are drawn in
 * reading order, and phone links are isolated left-to-right islands.
 */
export const rightToLeftOrder: PageCheck = async ({ page, dir }) => {
  if (dir !== 'rtl') return [];
  const problems = await piecesDrawnOutOfOrder(page.locator('body'));
  const phones = await page.locator('a[href^="tel:"]').evaluateAll((links) =>
    links.map((el) => ({ text: el.textContent, direction: getComputedStyle(el).direction, bidi: getComputedStyle(el).unicodeBidi })),
  );
  for (const { text, direction, bidi } of phones) {
    if (direction !== 'ltr' || bidi !== 'isolate') problems.push(`phone link "${text}" is ${direction}/${bidi}, not an ltr isolate`);
  }
  return problems;
};
