// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { defaultLocale, localeCodes } from './src/i18n/locales.ts';
import { phoneLinksPlugin } from './src/content/phone-links-plugin.mjs';
import { contentStatusSummary } from './src/content/status-summary-integration.ts';

export default defineConfig({
  // Absolute addresses for canonical, hreflang and the sitemap. Set SITE_URL in production.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  adapter: node({ mode: 'standalone' }),
  // No sessions: a session cookie is a trace on a shared device.
  session: false,
  integrations: [react(), sitemap({ filter: (page) => new URL(page).pathname !== '/' }), contentStatusSummary()],
  i18n: {
    defaultLocale,
    locales: localeCodes,
    routing: 'manual',
  },
  markdown: { processor: satteri({ hastPlugins: [phoneLinksPlugin] }) },
  build: {
    // External files only: the Content-Security-Policy allows no inline style or script.
    inlineStylesheets: 'never',
  },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
