import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import GuidanceArticle from '../../../src/components/GuidanceArticle.astro';
import { translatorFor } from '../../../src/i18n/translate.ts';
import type { LocalizedPage } from '../../../src/content/guidance-pages.ts';

// The notices a reader sees above a translated page, rendered by the real component.
const container = await AstroContainer.create();
const record = { of: 'help-now', sourceHash: 'a'.repeat(64), machineDrafted: true };
const page = (flags: { isOutdated: boolean; isFallback: boolean }) =>
  ({
    slug: 'help-now',
    lang: 'ar',
    entry: { data: { title: 'عنوان', lastReviewed: new Date('2026-11-25'), translation: flags.isFallback ? undefined : record } },
    ...flags,
  }) as unknown as LocalizedPage<'guidance'>;
const render = (flags: { isOutdated: boolean; isFallback: boolean }) =>
  container.renderToString(GuidanceArticle, {
    props: { page: page(flags) },
    locals: { lang: 'ar', t: translatorFor('ar') },
    request: new Request('http://localhost/ar/help-now/'),
  });

describe('GuidanceArticle notices', () => {
  it('an outdated translation says so in its own language and links to the English page', async () => {
    const html = await render({ isOutdated: true, isFallback: false });
    expect(html).toMatch(/data-outdated-notice[^>]*>\s*تغيّرت النسخة الإنجليزية/);
    expect(html).toMatch(/<a href="\/en\/help-now\/" hreflang="en">اقرأ النسخة الإنجليزية<\/a>/);
    expect(html).not.toContain('{{');
  });

  it('an up-to-date translation has no outdated notice, but says a machine drafted it', async () => {
    const html = await render({ isOutdated: false, isFallback: false });
    expect(html).not.toContain('data-outdated-notice');
    expect(html).toContain('data-machine-draft');
  });

  it('a fallback page puts the English in lang="en" under an in-language notice', async () => {
    const html = await render({ isOutdated: false, isFallback: true });
    expect(html).toContain('data-fallback-notice');
    expect(html).toMatch(/<div lang="en" dir="ltr">\s*<h1>/);
  });

  it('a fallback page offers, in its own language, a callback with an interpreter', async () => {
    const html = await render({ isOutdated: false, isFallback: true });
    expect(html).toMatch(/data-fallback-help[^>]*>هل تحتاج إلى مساعدة بلغتك؟ <a href="\/ar\/callback\/">اطلب منا أن نتصل بك مع مترجم فوري<\/a>/);
    expect(await render({ isOutdated: false, isFallback: false })).not.toContain('data-fallback-help');
  });
});
