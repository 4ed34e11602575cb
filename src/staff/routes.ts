/**
 * Every address the staff listener answers, with who may use it. Anything not listed is a 404.
 * Pages are Astro pages under src/pages/staff/ rendered on demand; API routes are answered here,
 * by Node. The publishing editor's pages and API (src/editor/) are for access ['publisher'] only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StaffMember, StaffRole, StaffStore } from '../queue/staff-types.ts';
import type { CaseQueue } from '../queue/types.ts';
import * as caseApi from './case-api.ts';
import type { StaffConfig } from './config.ts';
import * as passkeys from './passkeys.ts';
import * as editorApi from '../editor/editor-api.ts';
import type { Publishing } from '../editor/editor-api.ts';

/** What a route handler gets. */
export interface StaffContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  config: StaffConfig;
  store: StaffStore;
  queue: CaseQueue;
  /** The signed-in member; always set on routes that need a role. */
  member: StaffMember | undefined;
  /** Named parts of the path (":id"). */
  params: Record<string, string>;
  /** The parsed JSON body of a POST, or {}. */
  body: Record<string, unknown>;
  /** The editor's site folder and publisher (src/editor/). */
  publishing: Publishing;
}

/** Who may use a route: anyone (the sign-in and enrolment steps), anyone signed in, or these roles. */
export type Access = 'anyone' | 'signed-in' | readonly StaffRole[];

/** A page the staff listener renders with Astro. */
export interface StaffPage {
  path: string;
  access: Access;
  /** Also every address below `path` (Keystatic's UI routes itself under /keystatic/). */
  below?: boolean;
}

/** A JSON route the staff listener answers itself. */
export interface StaffApiRoute {
  method: 'GET' | 'POST';
  /** "/staff/api/requests/:id"; a ":name" part matches one path segment. */
  path: string;
  access: Access;
  handle: (ctx: StaffContext) => Promise<void>;
}

export const staffPages: readonly StaffPage[] = [
  { path: '/staff/sign-in/', access: 'anyone' },
  { path: '/staff/enrol/', access: 'anyone' },
  { path: '/staff/home/', access: 'signed-in' },
  { path: '/staff/console/', access: ['case'] },
  { path: '/staff/publish/', access: ['publisher'] },
  { path: '/staff/translate/', access: ['publisher'] },
  { path: '/keystatic', access: ['publisher'], below: true },
  // Pages of a build not yet live (src/editor/preview.ts), served from its files, not by Astro.
  { path: '/staff/preview', access: ['publisher'], below: true },
];

/** Who may use Keystatic's file API, /api/keystatic/… (src/editor/keystatic-api.ts). */
export const keystaticApiAccess: Access = ['publisher'];

/** The staff page at `path`, if any. */
export function matchPage(path: string): StaffPage | undefined {
  return staffPages.find((p) => p.path === path || (p.below && path.startsWith(`${p.path}/`)));
}

export const staffApiRoutes: readonly StaffApiRoute[] = [
  { method: 'POST', path: '/staff/api/enrol/options', access: 'anyone', handle: passkeys.enrolOptions },
  { method: 'POST', path: '/staff/api/enrol/verify', access: 'anyone', handle: passkeys.enrolVerify },
  { method: 'POST', path: '/staff/api/sign-in/options', access: 'anyone', handle: passkeys.signInOptions },
  { method: 'POST', path: '/staff/api/sign-in/verify', access: 'anyone', handle: passkeys.signInVerify },
  { method: 'POST', path: '/staff/api/sign-out', access: 'signed-in', handle: caseApi.signOut },
  { method: 'GET', path: '/staff/api/me', access: 'signed-in', handle: caseApi.me },
  { method: 'GET', path: '/staff/api/recipients', access: ['case'], handle: caseApi.recipients },
  { method: 'GET', path: '/staff/api/unlock', access: ['case'], handle: caseApi.getUnlock },
  { method: 'POST', path: '/staff/api/unlock', access: ['case'], handle: caseApi.saveUnlock },
  { method: 'GET', path: '/staff/api/requests', access: ['case'], handle: caseApi.listRequests },
  { method: 'GET', path: '/staff/api/requests/:id', access: ['case'], handle: caseApi.getRequest },
  { method: 'POST', path: '/staff/api/requests/:id/:action', access: ['case'], handle: caseApi.caseAction },
  { method: 'GET', path: '/staff/api/translations', access: ['publisher'], handle: editorApi.translations },
  { method: 'POST', path: '/staff/api/translations/start', access: ['publisher'], handle: editorApi.translate },
  { method: 'POST', path: '/staff/api/translations/review', access: ['publisher'], handle: editorApi.review },
  { method: 'POST', path: '/staff/api/translations/changes', access: ['publisher'], handle: editorApi.changes },
  { method: 'POST', path: '/staff/api/publishing/check', access: ['publisher'], handle: editorApi.check },
  { method: 'POST', path: '/staff/api/publishing/preview', access: ['publisher'], handle: editorApi.preview },
  { method: 'POST', path: '/staff/api/publishing/publish', access: ['publisher'], handle: editorApi.publish },
  { method: 'GET', path: '/staff/api/publishing/history', access: ['publisher'], handle: editorApi.history },
];

/** Whether `member` may use a route with `access`. */
export function allowed(access: Access, member: StaffMember | undefined): boolean {
  if (access === 'anyone') return true;
  if (!member) return false;
  if (access === 'signed-in') return true;
  return access.some((role) => member.roles.includes(role));
}

/** The API route for a method and path, with its parameters; undefined when none matches. */
export function matchApi(method: string, path: string): { route: StaffApiRoute; params: Record<string, string> } | undefined {
  const parts = path.replace(/\/$/, '').split('/');
  for (const route of staffApiRoutes) {
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((p, i) => {
      if (p.startsWith(':')) {
        params[p.slice(1)] = decodeURIComponent(parts[i]!);
        return parts[i] !== '';
      }
      return p === parts[i];
    });
    if (matches && route.method === method) return { route, params };
  }
  return undefined;
}

/** Whether a path belongs to the staff side (so the public listener answers it 404): /staff/, and the editor's /keystatic/ and /api/keystatic/. */
export function isStaffPath(path: string): boolean {
  return ['/staff', '/keystatic', '/api/keystatic'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
