import { defineHastPlugin } from 'satteri';
import { easyReadPicture, easyReadPictures } from './easy-read-pictures.ts';

/** Markdown plugin: `![](picture:name)` becomes that Easy Read picture as inline SVG; an unknown name fails the build. */
export const easyReadPicturesPlugin = defineHastPlugin({
  name: 'easy-read-pictures',
  element: {
    filter: ['img'],
    visit(node, ctx) {
      const src = String(node.properties?.src ?? '');
      if (!src.startsWith('picture:')) return;
      const svg = easyReadPicture(src.slice('picture:'.length));
      if (!svg) throw new Error(`Unknown Easy Read picture "${src}". Known: ${Object.keys(easyReadPictures).join(', ')}`);
      ctx.replaceNode(node, { type: 'raw', value: svg });
    },
  },
});
