import { createHash } from 'node:crypto';
import { z } from 'zod';
import { translationRecordSchema } from './translation-record.ts';
import { isoDateSchema } from './iso-date.ts';
import { audiences, serviceTypes } from './service-choices.ts';

export { audiences, serviceTypes };

/** Fields every entry checked by staff has: what it is, and when someone last checked it. */
const checkedEntryBase = z.object({
  name: z.string().min(1),
  /** One or two plain sentences: what the service does, for whom. */
  description: z.string().min(1),
  /** The day a person last checked the entry against the service itself. Shown as "last checked". */
  lastVerified: isoDateSchema,
  /** False while any detail is not in shared/FACTS.md or confirmed with the service. Listed by content:status. */
  verified: z.boolean(),
});

/** One service in the directory: src/content/services/<id>.yaml. */
export const serviceSchema = checkedEntryBase.extend({
  /** Who it is for; empty means anyone. Filters show a service under each of its audiences. */
  audiences: z.array(z.enum(audiences)).default([]),
  /** 'By and for': designed and delivered by and for the communities it serves. */
  byAndFor: z.boolean().default(false),
  types: z.array(z.enum(serviceTypes)).min(1),
  /** "national", or the name of the one area it serves (for example "Example Borough"). */
  coverage: z.string().min(1),
  /** Languages the service offers, as BCP 47 codes ("en", "ar", "bfi" for British Sign Language). */
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)).min(1),
  /**
   * True when the service says callers can have a spoken-language interpreter (usually by phone)
   * for a language its own staff do not speak. The directory then lists it under every language a
   * reader chooses, and says help comes through an interpreter. Sign language is not covered:
   * list "bfi" in `languages` for a service that offers British Sign Language. Put a comment above
   * it naming the source checked; unchecked, leave the entry `verified: false`.
   */
  interpreters: z.boolean().default(false),
  /** Phone number as people write it; shown as a tel: link. */
  phone: z.string().regex(/^[\d\s+]{3,16}$/).optional(),
  /** Number to send a text message to, if the service takes texts. */
  text: z.string().regex(/^[\d\s+]{3,16}$/).optional(),
  /** Address of the service's web chat, if it has one. */
  chat: z.url({ protocol: /^https$/ }).optional(),
  website: z.url({ protocol: /^https$/ }).optional(),
  /** When it answers, in plain words ("24 hours, every day"). Leave out when not known. */
  hours: z.string().optional(),
  /** True for the shipped local examples: fictional, for the landlord to replace with real local services. */
  sample: z.boolean().default(false),
});

export type Service = z.infer<typeof serviceSchema>;

/** The fields of an entry a reader reads as prose, and so are translated. */
export const serviceProseFields = ['name', 'description', 'hours'] as const;

/**
 * One service's prose in another language: src/content/services/<lang>/<id>.yaml. `description`
 * is required; `hours` whenever the English entry has hours; `name` only when the service is known
 * by a name in that language (most keep their English name). Everything else (numbers, links,
 * audiences) comes from the English entry, so it is never out of step.
 */
export const serviceTranslationSchema = z.strictObject({
  translation: translationRecordSchema,
  name: z.string().min(1).optional(),
  description: z.string().min(1),
  hours: z.string().min(1).optional(),
});

export type ServiceTranslation = z.infer<typeof serviceTranslationSchema>;

/**
 * The sourceHash a service translation records: sha256 of the English entry's prose fields only,
 * so re-checking a phone number or lastVerified does not mark every translation outdated, but any
 * change to the words does. `npm run content:status -- --hash services/<id>.yaml` prints it.
 */
export function serviceProseHash(service: Pick<Service, 'name' | 'description' | 'hours'>): string {
  const prose = { name: service.name, description: service.description, hours: service.hours ?? null };
  return createHash('sha256').update(JSON.stringify(prose)).digest('hex');
}
