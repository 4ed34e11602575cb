import { defineHastPlugin } from 'satteri';

/**
 * Markdown plugin for guidance pages: every tel: link gets dir="ltr" and the "phone" class, so
 * numbers keep their digit order inside right-to-left text and look the same as in components.
 */
export const phoneLinksPlugin = defineHastPlugin({
  name: 'phone-links',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      if (!String(node.properties?.href ?? '').startsWith('tel:')) return;
      ctx.setProperty(node, 'dir', 'ltr');
      ctx.setProperty(node, 'className', [...(node.properties?.className ?? []), 'phone']);
    },
  },
});
