import raw from './organisation.yaml?raw';
import { parseOrganisation, type Organisation } from './organisation-schema.ts';

export { parseOrganisation, type Organisation };

/** The landlord's profile, checked when the site is built (Vite and Vitest only: it imports with ?raw). */
export const organisation: Organisation = parseOrganisation(raw);
