import type { PageCheck } from './visit.ts';

/** Headers every response of the site carries, whatever it is. */
export const requiredHeaders: Record<string, RegExp> = {
  'cache-control': /^no-store$/,
  'referrer-policy': /^no-referrer$/,
  'x-content-type-options': /^nosniff$/,
  'cross-origin-opener-policy': /^same-origin$/,
  'permissions-policy': /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
  'content-security-policy': /frame-ancestors 'none'/,
};

/** What is wrong with one response's headers: a missing safety header, inline script allowed, a cookie. */
export function headerProblems(url: string, headers: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, pattern] of Object.entries(requiredHeaders)) {
    if (!pattern.test(headers[name] ?? '')) problems.push(`${url}: ${name} is ${JSON.stringify(headers[name])}`);
  }
  if (/script-src[^;]*'unsafe-inline'/.test(headers['content-security-policy'] ?? '')) problems.push(`${url}: CSP allows inline script`);
  if (headers['set-cookie'] !== undefined) problems.push(`${url}: Set-Cookie ${headers['set-cookie']}`);
  return problems;
}

/** Every response the page caused has the safety headers and sets no cookie; nothing came from elsewhere. */
export const headersAndOrigins: PageCheck = async ({ responses, elsewhere }) => [
  ...(responses.length === 0 ? ['no response was seen'] : []),
  ...responses.flatMap(({ url, headers }) => headerProblems(url, headers)),
  ...elsewhere.map((url) => `a request to another origin: ${url}`),
];
