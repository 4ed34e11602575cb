/**
 * The two passkey ceremonies, each as two routes (options, then verification) with the challenge
 * kept server-side in between, as SimpleWebAuthn's example does. Enrolment uses up a one-time
 * token from `queue staff add`; sign-in uses discoverable credentials, so nobody types a name.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { randomBytes } from 'node:crypto';
import { createRateLimiter } from '../callback/rate-limit.ts';
import type { StaffMember } from '../queue/staff-types.ts';
import { sendJson, sessionCookie } from './http.ts';
import type { StaffContext } from './routes.ts';
import { homeFor, startSession } from './sessions.ts';
import { clientAddress, serverTrustedProxies } from '../server/client-address.ts';
import { hashToken } from './tokens.ts';

/** A challenge is good for five minutes. */
const challengeMs = 5 * 60_000;

/**
 * Sign-in and enrolment attempts: 10 per client per 10 minutes. A client is found as on the public
 * side (X-Forwarded-For believed only from TRUSTED_PROXIES), and there is no shared cap one actor
 * could spend to lock every member of staff out.
 */
const attempts = createRateLimiter({ perClient: 10, windowMs: 10 * 60_000 });

function rateLimited(ctx: StaffContext): boolean {
  const decision = attempts.check(clientAddress(ctx.req.socket.remoteAddress, [ctx.req.headers['x-forwarded-for']].flat().join(',') || undefined, serverTrustedProxies));
  if (decision.allowed) return false;
  sendJson(ctx.res, 429, { error: 'too-many-attempts' }, { 'Retry-After': String(decision.retryAfterSeconds) });
  return true;
}

async function keepChallenge(ctx: StaffContext, challenge: string, purpose: 'register' | 'sign-in', staffId: string | null): Promise<string> {
  const ceremony = randomBytes(18).toString('base64url');
  await ctx.store.saveChallenge(ceremony, { challenge, purpose, staffId }, new Date(Date.now() + challengeMs));
  return ceremony;
}

async function signedIn(ctx: StaffContext, member: StaffMember): Promise<void> {
  const token = await startSession(ctx.store, member);
  await ctx.store.recordStaffEvent(member.name, 'sign-in');
  sendJson(ctx.res, 200, { name: member.name, roles: member.roles, home: homeFor(member) }, { 'Set-Cookie': sessionCookie(ctx.config, token) });
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** POST {token}: registration options for the member the enrolment token names. */
export async function enrolOptions(ctx: StaffContext): Promise<void> {
  if (rateLimited(ctx)) return;
  const member = await ctx.store.findEnrolment(hashToken(text(ctx.body.token)), new Date());
  if (!member) return sendJson(ctx.res, 410, { error: 'enrolment-used-or-expired' });
  const existing = await ctx.store.passkeysOf(member.id);
  const options = await generateRegistrationOptions({
    rpName: 'Staff sign-in',
    rpID: ctx.config.rpID,
    userName: member.name,
    userID: new Uint8Array(Buffer.from(member.userHandle, 'base64url')),
    attestationType: 'none',
    // The same device cannot register twice for one person.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  sendJson(ctx.res, 200, { ceremony: await keepChallenge(ctx, options.challenge, 'register', member.id), options });
}

/** POST {token, ceremony, response}: stores the passkey, uses up the token, and signs the member in. */
export async function enrolVerify(ctx: StaffContext): Promise<void> {
  if (rateLimited(ctx)) return;
  const stored = await ctx.store.takeChallenge(text(ctx.body.ceremony), new Date());
  if (!stored || stored.purpose !== 'register' || !stored.staffId) return sendJson(ctx.res, 400, { error: 'challenge-expired' });
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: ctx.body.response as RegistrationResponseJSON,
      expectedChallenge: stored.challenge,
      expectedOrigin: ctx.config.origin,
      expectedRPID: ctx.config.rpID,
      requireUserVerification: true,
    });
  } catch {
    verification = { verified: false as const };
  }
  if (!verification.verified) return sendJson(ctx.res, 400, { error: 'not-verified' });
  const { credential } = verification.registrationInfo;
  const member = await ctx.store.enrolPasskey(hashToken(text(ctx.body.token)), new Date(), {
    credentialId: credential.id,
    staffId: stored.staffId,
    publicKey: credential.publicKey,
    counter: credential.counter,
    transports: credential.transports ?? [],
  });
  if (!member) return sendJson(ctx.res, 410, { error: 'enrolment-used-or-expired' });
  await ctx.store.recordStaffEvent(member.name, 'passkey-added');
  await signedIn(ctx, member);
}

/** POST: sign-in options for any discoverable passkey of this relying party. */
export async function signInOptions(ctx: StaffContext): Promise<void> {
  const options = await generateAuthenticationOptions({ rpID: ctx.config.rpID, userVerification: 'required' });
  sendJson(ctx.res, 200, { ceremony: await keepChallenge(ctx, options.challenge, 'sign-in', null), options });
}

/** POST {ceremony, response}: checks the signature and the counter, then starts a session. Every outcome is audited. */
export async function signInVerify(ctx: StaffContext): Promise<void> {
  if (rateLimited(ctx)) return;
  const refuse = async (actor: string) => {
    await ctx.store.recordStaffEvent(actor, 'sign-in-failed');
    sendJson(ctx.res, 401, { error: 'not-signed-in' });
  };
  const response = ctx.body.response as AuthenticationResponseJSON | undefined;
  const stored = await ctx.store.takeChallenge(text(ctx.body.ceremony), new Date());
  const passkey = response && typeof response.id === 'string' ? await ctx.store.findPasskey(response.id) : undefined;
  const member = passkey ? await ctx.store.getStaff(passkey.staffId) : undefined;
  if (!stored || stored.purpose !== 'sign-in' || !passkey || !member) return refuse(member?.name ?? 'unknown');
  // A discoverable credential names its user: it must be the member this passkey belongs to.
  if (response!.response.userHandle !== undefined && response!.response.userHandle !== member.userHandle) return refuse(member.name);
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: response!,
      expectedChallenge: stored.challenge,
      expectedOrigin: ctx.config.origin,
      expectedRPID: ctx.config.rpID,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: true,
    });
  } catch {
    return refuse(member.name);
  }
  if (!verification.verified) return refuse(member.name);
  await ctx.store.updateCounter(passkey.credentialId, verification.authenticationInfo.newCounter, new Date());
  await signedIn(ctx, member);
}
