import { defineHastPlugin } from 'satteri';
import type { Element, ElementContent } from 'hast';
import type { Organisation } from './organisation-schema.ts';
import { fillInline, hasPlaceholder, inlineValues, readCondition, type Segment } from './organisation-placeholders.ts';
import { telHref } from './tel-href.ts';

const link = (href: string, label: string): Element => ({
  type: 'element',
  tagName: 'a',
  properties: { href },
  children: [{ type: 'text', value: label }],
});

/** One filled segment as HTML. The phone-links plugin, which runs after this one, styles tel: links. */
function toNode(segment: Segment): ElementContent {
  if ('phone' in segment) return link(telHref(segment.phone), segment.phone);
  if ('email' in segment) return link(`mailto:${segment.email}`, segment.email);
  return { type: 'text', value: segment.text };
}

/** Markdown plugin that fills the landlord's placeholders in guidance (see organisation-placeholders.ts). */
export function placeholdersPlugin(org: Organisation) {
  return defineHastPlugin({
    name: 'organisation-placeholders',
    // The values are part of the plugin so that Astro's config digest changes with organisation.yaml,
    // which clears the content cache: pages never keep an old promise after the file is edited.
    ...({ values: inlineValues(org) } as object),
    text(node, ctx) {
      if (!hasPlaceholder(node.value)) return;
      const where = ctx.fileURL ? ` in ${ctx.fileURL.pathname}` : '';
      try {
        let text = node.value;
        const condition = ctx.indexOf(node) === 0 ? readCondition(text, org) : undefined;
        if (condition) {
          if (!condition.keep) return ctx.removeNode(ctx.parent(node));
          text = condition.rest;
        }
        ctx.replaceNode(node, fillInline(text, org).map(toNode));
      } catch (error) {
        throw new Error(`${(error as Error).message}${where}`);
      }
    },
  });
}
