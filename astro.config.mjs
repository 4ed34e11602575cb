// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { defaultLocale, localeCodes } from './src/i18n/locales.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { phoneLinksPlugin } from './src/content/phone-links-plugin.mjs';
import { contentStatusSummary } from './src/content/status-summary-integration.ts';
import { translationChecks } from './src/content/translation-checks-integration.ts';
import { contentErrorsCheck } from './src/content/content-errors-integration.ts';
import { contentManifestFile } from './src/content/content-manifest-integration.ts';
import { parseOrganisation } from './src/content/organisation-schema.ts';
import { easyReadPicturesPlugin } from './src/content/easy-read-pictures-plugin.ts';
import { placeholdersPlugin } from './src/content/placeholders-plugin.ts';

/**
 * Builds src/server/callback-endpoint.ts as a second entry of the server bundle
 * (dist/server/callback-endpoint.mjs), sharing chunks, and so the one intake, with the pages.
 * src/server/start.ts serves /api/callback with it, ahead of Astro's pipeline.
 */
function callbackEndpointEntry() {
  const endpoint = fileURLToPath(new URL('./src/server/callback-endpoint.ts', import.meta.url));
  return {
    name: 'callback-endpoint-entry',
    /** @param {{ name: string }} environment */
    applyToEnvironment: (environment) => environment.name === 'ssr',
    /** @param {{ input?: string | string[] | Record<string, string> }} options */
    options(options) {
      const { input } = options;
      if (Array.isArray(input)) return { ...options, input: [...input, endpoint] };
      if (typeof input === 'string') return { ...options, input: [input, endpoint] };
      return { ...options, input: { ...input, 'callback-endpoint': endpoint } };
    },
  };
}

/** `npm run dev` (staff previewing content) answers /api/callback with the same module, so the form works there too. */
function callbackEndpointInDev() {
  return {
    name: 'callback-endpoint-dev',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      /** @type {import('vite').Connect.NextHandleFunction} */
      const handle = async (req, res, next) => {
        const path = req.url?.split('?')[0];
        if (path !== '/api/callback' && path !== '/api/callback/') return next();
        try {
          const { handleCallbackApi } = await server.ssrLoadModule('/src/server/callback-endpoint.ts');
          await handleCallbackApi(req, res);
        } catch (error) {
          next(error);
        }
      };
      // Astro puts its own dev middleware first, after every plugin's setup, and it would answer the
      // address without a slash with a 404; this runs after Astro's and goes in front of it.
      return () => server.middlewares.stack.unshift({ route: '', handle });
    },
  };
}

const organisation = parseOrganisation(readFileSync(new URL('./src/content/organisation.yaml', import.meta.url), 'utf8'));

// Absolute addresses for canonical, hreflang and the sitemap. Set SITE_URL in production.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

/** The public host from SITE_URL, when it is set; none in development. */
function publicDomains() {
  if (!process.env.SITE_URL) return [];
  const { hostname, protocol, port } = new URL(process.env.SITE_URL);
  return [{ hostname, protocol: protocol.slice(0, -1), ...(port ? { port } : {}) }];
}

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  adapter: node({ mode: 'standalone' }),
  // No sessions: a session cookie is a trace on a shared device.
  session: false,
  // Our own origin check (src/callback/intake.ts) replaces Astro's: with Referrer-Policy no-referrer a
  // same-origin form post carries "Origin: null", which Astro's check would refuse.
  // Behind a TLS proxy, trust its X-Forwarded-* headers for the public host only, so the rate limit
  // sees each person's address rather than the proxy's (README: "Running in production").
  security: { checkOrigin: false, allowedDomains: publicDomains() },
  integrations: [
    contentErrorsCheck(),
    react(),
    sitemap({
      filter: (page) => new URL(page).pathname !== '/',
      // Rendered on demand, so the sitemap cannot see them: the callback pages, the feedback form,
      // and the services directory (without JavaScript its filters are a posted form, kept out of the address).
      customPages: localeCodes.flatMap((lang) =>
        ['callback/', 'callback/sent/', 'feedback/', 'services/'].map((path) => new URL(`/${lang}/${path}`, site).href),
      ),
    }),
    translationChecks(),
    contentStatusSummary(),
    contentManifestFile(),
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
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [callbackEndpointEntry(), callbackEndpointInDev()],
  },
  devToolbar: { enabled: false },
});
