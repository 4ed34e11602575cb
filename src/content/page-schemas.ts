import { z } from 'zod';
import { isoDateSchema } from './iso-date.ts';
import { translationRecordSchema } from './translation-record.ts';

/**
 * Front matter of guidance pages and campaigns. Plain zod, no Astro, so the build's content
 * collections (src/content.config.ts) and the plain-Node checks (content-errors.ts) apply the same rules.
 */

/** Fields every page of long-form content has, in any language. */
const pageBase = z.object({
  title: z.string().min(1),
  /** One sentence for search results and the page's meta description. */
  description: z.string().min(1),
  /** When a person last checked the content is right. Shown on the page. */
  lastReviewed: isoDateSchema,
  /** False while any fact on the page is not yet in shared/FACTS.md or checked by staff. Listed by content:status. */
  verified: z.boolean().default(true),
});

/** Translation record: absent on English pages. content:status and the outdated notice read it. */
const translationRecord = translationRecordSchema;

/** Guidance pages: src/content/guidance/<lang>/<slug>.md, the same slug in every language. */
export const guidanceSchema = pageBase.extend({
  /** Position in lists of guidance; lower comes first. */
  order: z.number().int().default(100),
  /** An Easy Read page: large text, one idea per line, a picture beside each point. */
  easyRead: z.boolean().default(false),
  translation: translationRecord.optional(),
});

export type Guidance = z.infer<typeof guidanceSchema>;

/**
 * A calendar date written YYYY-MM-DD in front matter (any other form is an error: iso-date.ts);
 * it is kept as "YYYY-MM-DD" text so it means the same day wherever the site is built or read.
 */
const calendarDate = isoDateSchema.transform((date) => date.toISOString().slice(0, 10));

/**
 * Awareness campaigns: src/content/campaigns/<lang>/<slug>.md, the same slug in every language.
 * A campaign is current from the start of its start day to the end of its end day, UK time
 * (src/content/campaign-dates.ts).
 */
export const campaignSchema = pageBase
  .omit({ description: true })
  .extend({
    /** One or two sentences shown in lists and on the home page; also the meta description. */
    summary: z.string().min(1),
    /** First day of the campaign, YYYY-MM-DD. */
    start: calendarDate,
    /** Last day of the campaign (included), YYYY-MM-DD. */
    end: calendarDate,
    translation: translationRecord.optional(),
  })
  .refine((c) => c.end >= c.start, { message: 'the last day of the campaign must be the same day as start or later', path: ['end'] });

export type Campaign = z.infer<typeof campaignSchema>;

