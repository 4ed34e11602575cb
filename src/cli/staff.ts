/**
 * `npm run queue -- staff <add|list|remove|add-passkey>`: who may sign in to the staff listener.
 * An enrolment address is printed once; only its hash is stored, and it expires after 24 hours.
 */
import { enrolmentAddress, enrolmentValidityMs, hashToken, newToken } from '../staff/tokens.ts';
import { openQueueWithStaff } from '../queue/staff-index.ts';
import { staffRoles, type StaffMember, type StaffRole, type StaffStore } from '../queue/staff-types.ts';

export const staffUsage = `  staff add --name "FULL NAME" --role case|publisher[,…]
                                         add a member of staff; prints a one-time enrolment address (24 hours)
  staff list [--json]                    everyone who may sign in, with their roles and passkeys
  staff remove STAFF                     remove someone; their sessions end at once
  staff add-passkey STAFF                a new enrolment address, to add a second device

STAFF is a staff id or an exact full name. Roles: ${staffRoles.join(', ')}.`;

/** A mistake in how a staff command was called. */
export class StaffUsageError extends Error {}

/** Parses "case", "publisher" or "case,publisher". */
export function parseRoles(value: string | undefined): StaffRole[] {
  const roles = (value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (roles.length === 0 || roles.some((r) => !staffRoles.includes(r as StaffRole))) {
    throw new StaffUsageError(`--role must be ${staffRoles.join(' or ')} (or both, separated by a comma).`);
  }
  return [...new Set(roles)] as StaffRole[];
}

async function findMember(staff: StaffStore, idOrName: string | undefined): Promise<StaffMember> {
  if (!idOrName) throw new StaffUsageError("Give the staff member's id or full name.");
  const everyone = await staff.listStaff();
  const matches = everyone.filter((s) => s.id === idOrName || s.name === idOrName);
  if (matches.length === 1) return matches[0]!;
  throw new Error(matches.length === 0 ? `No staff member with id or name "${idOrName}".` : `Several staff are called "${idOrName}": use the id from "staff list".`);
}

const line = (s: StaffMember) => [s.id, s.name, s.roles.join(','), `${s.passkeys} passkey(s)`, s.createdAt.toISOString()].join('  ');

/** Runs one staff subcommand; returns the exit code. */
export async function runStaffCommand(args: { sub: string | undefined; target: string | undefined; name?: string; role?: string; json?: boolean }): Promise<number> {
  const { sub } = args;
  if (!sub || !['add', 'list', 'remove', 'add-passkey'].includes(sub)) throw new StaffUsageError(`Unknown staff command "${sub ?? ''}".`);
  const name = args.name?.trim();
  if (sub === 'add' && !name) throw new StaffUsageError('--name is required.');
  const roles = sub === 'add' ? parseRoles(args.role) : [];
  if ((sub === 'remove' || sub === 'add-passkey') && !args.target) throw new StaffUsageError("Give the staff member's id or full name.");

  const { queue, staff } = await openQueueWithStaff(process.env);
  try {
    const expires = () => new Date(Date.now() + enrolmentValidityMs);
    switch (sub) {
      case 'add': {
        const token = newToken();
        const member = await staff.addStaff(name!, roles, hashToken(token), expires());
        await staff.recordStaffEvent(member.name, 'staff-added');
        console.log(`${member.name} added (${member.roles.join(', ')}), id ${member.id}.`);
        console.log(`Send them this address to register a passkey. It works once, within 24 hours:\n${enrolmentAddress(token)}`);
        return 0;
      }
      case 'list': {
        const everyone = await staff.listStaff();
        console.log(args.json ? JSON.stringify(everyone, null, 2) : everyone.map(line).join('\n') || 'No staff.');
        return 0;
      }
      case 'remove': {
        const member = await findMember(staff, args.target);
        await staff.removeStaff(member.id);
        await staff.recordStaffEvent(member.name, 'staff-removed');
        console.log(`${member.name} removed; any session they had has ended.`);
        return 0;
      }
      case 'add-passkey': {
        const member = await findMember(staff, args.target);
        const token = newToken();
        await staff.addEnrolment(member.id, hashToken(token), expires());
        await staff.recordStaffEvent(member.name, 'enrolment-issued');
        console.log(`Open this address on ${member.name}'s other device to add a passkey. It works once, within 24 hours:\n${enrolmentAddress(token)}`);
        return 0;
      }
    }
    return 2;
  } finally {
    await staff.shutdown();
    await queue.shutdown();
  }
}
