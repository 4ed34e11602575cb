// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { defaultLocale, localeCodes } from './src/i18n/locales.ts';
import { readFileSync } from 'node:fs';
import { phoneLinksPlugin } from './src/content/phone-links-plugin.mjs';
import { parseOrganisation } from './src/content/organisation-schema.ts';
import { easyReadPicturesPlugin } from './src/content/easy-read-pictures-plugin.ts';
import { placeholdersPlugin } from './src/content/placeholders-plugin.ts';

const organisation = parseOrganisation(readFileSync(new URL('./src/content/organisation.yaml', import.meta.url), 'utf8'));

// Absolute addresses for canonical, hreflang and the sitemap. Set SITE_URL in production.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  adapter: node({ mode: 'standalone' }),
  // No sessions: a session cookie is a trace on a shared device.
  session: false,
  integrations: [
    react(),
    sitemap({
      filter: (page) => new URL(page).pathname !== '/',
      // Rendered on demand (filters come from the query), so the sitemap cannot find them itself.
      customPages: localeCodes.map((code) => new URL(`/${code}/services/`, site).href),
    }),
  ],
  i18n: {
    defaultLocale,
    locales: localeCodes,
    routing: 'manual',
  },
  // Placeholders first: the phone links they make are then styled by phoneLinksPlugin.
  markdown: { processor: satteri({ hastPlugins: [placeholdersPlugin(organisation), phoneLinksPlugin, easyReadPicturesPlugin] }) },
  build: {
    // External files only: the Content-Security-Policy allows no inline style or script.
    inlineStylesheets: 'never',
  },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
