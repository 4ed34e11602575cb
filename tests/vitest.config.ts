/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Through Astro's Vite config so unit tests resolve the same imports as the site (?raw, globs).
export default getViteConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
    environment: 'node',
    // Property tests and real PostgreSQL clusters run many cases; a busy 2-core machine needs room.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
