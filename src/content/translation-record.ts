import { z } from 'zod';
import { isoDateSchema } from './iso-date.ts';

/**
 * The record every translation keeps (a guidance page's or campaign's front matter, a service
 * description's file): what it translates and from which version. content:status and the pages read it.
 */
export const translationRecordSchema = z.object({
  /** Slug of the English page (or id of the service) this translates: the same as this file's name. */
  of: z.string().min(1),
  /** sha256 of the English source it was translated from; content:status compares it. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** True when a machine drafted it; false only after a person has reviewed it. */
  machineDrafted: z.boolean(),
  reviewedBy: z.string().optional(),
  reviewedOn: isoDateSchema.optional(),
});
