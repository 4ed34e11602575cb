/**
 * Every address the staff listener answers, with who may use it. Anything not listed is a 404.
 * Pages are Astro pages under src/pages/staff/ rendered on demand; API routes are answered here,
 * by Node. The publishing editor (issue 15) adds its pages with access ['publisher'].
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StaffMember, StaffRole, StaffStore } from '../queue/staff-types.ts';
import type { CaseQueue } from '../queue/types.ts';
import * as caseApi from './case-api.ts';
import type { StaffConfig } from './config.ts';
import * as passkeys from './passkeys.ts';

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
}

/** Who may use a route: anyone (the sign-in and enrolment steps), anyone signed in, or these roles. */
export type Access = 'anyone' | 'signed-in' | readonly StaffRole[];

/** A page the staff listener renders with Astro. */
export interface StaffPage {
  path: string;
  access: Access;
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
];

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

/** Whether a path belongs to the staff side (so the public listener answers it 404). */
export function isStaffPath(path: string): boolean {
  return path === '/staff' || path.startsWith('/staff/');
}
