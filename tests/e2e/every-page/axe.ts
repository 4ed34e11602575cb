import AxeBuilder from '@axe-core/playwright';
import type { PageCheck } from './visit.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe with the WCAG 2.2 A and AA rules: every violation, with the elements it found. */
export const axe: PageCheck = async ({ page }) => {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
};
