import { defineHastPlugin } from 'satteri';
import type { Element, ElementContent } from 'hast';
import { isLocaleCode, localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { readUiStringsFromDisk } from '../i18n/ui-strings-from-disk.ts';
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

/**
 * The language of a content file from its path (src/content/guidance/<lang>/… or campaigns/<lang>/…);
 * English for any other Markdown. Throws on a folder there that is not a language, so no page is filled in the wrong one.
 */
export function contentLanguage(fileURL: URL | undefined): LocaleCode {
  const folder = fileURL && /\/src\/content\/(?:guidance|campaigns)\/([^/]+)\//.exec(fileURL.pathname)?.[1];
  if (!folder) return 'en';
  if (!isLocaleCode(folder)) throw new Error(`"${folder}" is not one of the site's languages`);
  return folder;
}

/** Markdown plugin that fills the landlord's placeholders in guidance (see organisation-placeholders.ts), in each page's own language. */
export function placeholdersPlugin(org: Organisation, uiStrings = readUiStringsFromDisk()) {
  const values = Object.fromEntries(localeCodes.map((lang) => [lang, inlineValues(org, lang, uiStrings[lang])])) as Record<LocaleCode, Record<string, Segment>>;
  return defineHastPlugin({
    name: 'organisation-placeholders',
    // The values (every language's) are part of the plugin so that Astro's config digest changes with
    // organisation.yaml, which clears the content cache: pages never keep an old promise after the file is edited.
    ...({ values } as object),
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
        ctx.replaceNode(node, fillInline(text, values[contentLanguage(ctx.fileURL)]).map(toNode));
      } catch (error) {
        throw new Error(`${(error as Error).message}${where}`);
      }
    },
  });
}
