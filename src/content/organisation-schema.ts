import { parse } from 'yaml';
import { z } from 'zod';

/** "HH:MM" on a 24-hour clock. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like "09:00"');

const openingWindow = z
  .strictObject({ from: clockTime, to: clockTime })
  .refine((w) => w.from < w.to, { message: '"from" must be before "to"' });

/** A UK phone number as people write it; the digits are checked, the spacing is kept for display. */
const ukPhone = z.string().regex(/^(\+44\s?|0)[\d\s]{9,13}$/, 'must be a UK phone number such as "0808 2000 247"');

/** Leaves out the days given with neither a from nor a to time. */
function dropEmptyDays(hours: unknown): unknown {
  if (!hours || typeof hours !== 'object') return hours;
  return Object.fromEntries(Object.entries(hours).filter(([, w]) => !(w && typeof w === 'object' && !('from' in w) && !('to' in w))));
}

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The landlord's profile: the one file a landlord edits to make the site theirs. */
export const organisationSchema = z.strictObject({
  name: z.string().min(1),
  shortName: z.string().min(1).max(30),
  /** The domestic abuse team's number. */
  phone: ukPhone,
  /** False until staff have checked the number is live and answered by the right team. */
  phoneVerified: z.boolean().default(false),
  /**
   * Safe-call windows per weekday, Europe/London time. A missing day means no calls that day; so does
   * a day with neither time, which is how the editor saves a day left empty.
   */
  callbackHours: z.preprocess(
    dropEmptyDays,
    z.partialRecord(z.enum(weekdays), openingWindow).refine((h) => Object.keys(h).length > 0, {
      message: 'needs at least one day',
    }),
  ),
  bankHolidayRegion: z.enum(['england-and-wales', 'scotland', 'northern-ireland']),
  promises: z.strictObject({
    /** First contact is owed by the end of this many working days. */
    firstContactWorkingDays: z.int().min(1).max(10).default(1),
    regularContact: z.enum(['weekly', 'fortnightly', 'monthly']).default('fortnightly'),
    dashOffered: z.boolean(),
    byAndForReferrals: z.boolean(),
    sanctuaryScheme: z.boolean(),
    managementMoves: z.boolean(),
    perpetratorSupport: z.boolean(),
    /**
     * Rent arrears caused by abuse (the abuser stopped paying, or took the money) are not treated as
     * the survivor's fault, and we agree a repayment plan they can afford.
     */
    abuseArrearsPlan: z.boolean(),
  }),
  /**
   * Whether survivors we rehouse because of abuse get a lifetime tenancy: for a housing association an
   * assured tenancy (not an assured shorthold or fixed-term one). s.79 of the Domestic Abuse Act 2021
   * binds councils only; this says whether we keep its principle by policy.
   */
  lifetimeTenancies: z.boolean(),
  /**
   * When we may share what a survivor tells us. Each flag is one case our policy allows; the site lists
   * exactly the cases set to true, never more. We always record why we shared.
   */
  sharing: z.strictObject({
    /** With the survivor's permission. */
    withConsent: z.boolean(),
    /** Without permission, when someone is at serious risk of harm. */
    seriousRisk: z.boolean(),
    /** Without permission, when a child needs safeguarding (protecting from harm). */
    childSafeguarding: z.boolean(),
    /** Without permission, when the law requires it. */
    lawRequires: z.boolean(),
    /** We report possible crimes to the police (as the Futures policy does). */
    crimesToPolice: z.boolean(),
    /** We share lower-level cases with partner agencies, such as a MARAC or local safeguarding services. */
    partnerAgencies: z.boolean(),
  }),
  /** Days after a case closes before it is deleted: the number the nightly `queue -- purge --older-than` uses. */
  retentionDays: z.int().min(1).max(3650),
  /**
   * Local partner services, as file names (without .yaml) in src/content/services/. They head the
   * services page. The build fails if one does not exist.
   */
  localServices: z.array(z.string().regex(/^[a-z0-9-]+$/, 'must be a file name in src/content/services/, without .yaml')).default([]),
  privacyContact: z.strictObject({ name: z.string().min(1), email: z.email() }),
  /** Where quick exit goes. https only, so the exit itself is not a downgrade that leaks the page. */
  exitUrl: z.url({ protocol: /^https$/, message: 'must be a full https:// address' }),
  /** Neutral titles and favicon on every page (trades WCAG 2.4.2 for discretion; see README). */
  discreetTitles: z.boolean().default(false),
});

export type Organisation = z.infer<typeof organisationSchema>;

/** Parses a profile from YAML text, throwing one message that names every bad field. */
export function parseOrganisation(yamlText: string, source = 'src/content/organisation.yaml'): Organisation {
  const result = organisationSchema.safeParse(parse(yamlText));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const field = issue.path.join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys') return `  - ${field}: unknown field(s) ${issue.keys.join(', ')}`;
    return `  - ${field}: ${issue.message}`;
  });
  throw new Error(`${source} is not valid:\n${lines.join('\n')}`);
}
