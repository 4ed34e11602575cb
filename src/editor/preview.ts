/**
 * Preview: a page of a build that is not live yet, exactly as residents would get it (the same
 * prerendered file, the same headers), at /staff/preview/<build>/<lang>/<page>/ on the staff listener
 * only. Pages rendered on demand (the callback form, the services filter) are not in a build's files,
 * so they are not previewed; the live ones show the saved organisation details only after publishing.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';

/** Where previews are served. */
export const previewPrefix = '/staff/preview/';

/** The build id and page path of a preview address, or undefined when it is not one. */
export function parsePreviewPath(path: string): { id: string; page: string } | undefined {
  const match = /^\/staff\/preview\/(build-\d+)(\/.*)$/.exec(path);
  return match ? { id: match[1]!, page: match[2]! } : undefined;
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml' };

/** Sends `page` from the build's client folder; false when there is no such file. */
export function sendPreviewFile(buildDir: string, page: string, res: ServerResponse): boolean {
  const client = join(buildDir, 'client');
  let file = normalize(join(client, decodeURIComponent(page)));
  if (!file.startsWith(client + sep)) return false;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return false;
  const type = types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size });
  createReadStream(file).pipe(res);
  return true;
}
