/**
 * Headers on every response, pages, assets and errors alike. One list, used by src/middleware.ts
 * for pages rendered on demand and by src/server/start.ts for everything the adapter serves from
 * disk, where Astro middleware does not run.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "manifest-src 'self'",
  "worker-src 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  // A shared device's cache is a trace: nothing is kept, not even scripts and styles.
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': contentSecurityPolicy,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
};

/** Header names a response must never carry. */
export const forbiddenHeaders = ['set-cookie'] as const;
