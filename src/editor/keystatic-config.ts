/**
 * The editor's one map of the content that exists (STYLE 15): every collection by its folder, every
 * field with what it is for. It mirrors the zod schemas the build enforces (page-schemas.ts,
 * service-schema.ts, organisation-schema.ts), which stay the one source of truth: a file the editor
 * writes is checked by them again before it is published (publish.ts). Not at the top level: we do not
 * use Keystatic's Astro integration (its routes would be on the public site, without our sign-in), so
 * nothing needs a keystatic.config.ts there. Read by the editor island in the browser and by the staff
 * listener's Keystatic API (keystatic-api.ts) in Node.
 */
import { collection, config, fields, singleton } from '@keystatic/core';
import { locales } from '../i18n/locales.ts';
import { audiences, serviceTypes } from '../content/service-choices.ts';

const dateHint = 'Pick the day from the calendar.';

/** The body of a page: Markdown, with a toolbar for headings, lists and links. */
const body = fields.markdoc({
  label: 'Page text',
  description: 'What residents read. Plain words, short sentences. Use the toolbar for headings, lists and links. Keep placeholders such as {{phone}} exactly as they are.',
  extension: 'md',
  options: { image: false, table: false, codeBlock: false, code: false, divider: false },
});

/** The translation record every translated page keeps (translation-record.ts). "Translate into…" fills it in. */
const translationRecord = fields.object(
  {
    of: fields.text({ label: 'English page', description: 'The file name of the English page this translates. Filled in for you; do not change it.', validation: { isRequired: true } }),
    sourceHash: fields.text({
      label: 'Version of the English',
      description: 'A fingerprint of the English page this was translated from. Filled in for you; it is how the site knows when the English has changed since.',
      validation: { isRequired: true, pattern: { regex: /^[0-9a-f]{64}$/, message: 'Leave this as "Translate into…" filled it in.' } },
    }),
    machineDrafted: fields.checkbox({ label: 'Drafted by a machine', description: 'Ticked until a person who reads the language well has checked the whole page.', defaultValue: true }),
    reviewedBy: fields.text({ label: 'Reviewed by', description: 'The full name of the person who checked the translation. Filled in by "Mark reviewed".' }),
    reviewedOn: fields.date({ label: 'Reviewed on', description: `The day the translation was checked. ${dateHint}` }),
  },
  { label: 'Translation record', description: 'What this page translates, from which version, and who checked it.' },
);

/** Fields every page has, in every language (page-schemas.ts pageBase). */
const pageFields = (title: string) => ({
  title: fields.slug({
    name: { label: 'Title', description: title },
    slug: { label: 'File name', description: 'Part of the page address. Lower-case letters, digits and dashes. Translations use the English page’s file name.' },
  }),
  lastReviewed: fields.date({ label: 'Last reviewed', description: `The day a person last checked this page is right. Shown on the page. ${dateHint}`, validation: { isRequired: true } }),
  verified: fields.checkbox({ label: 'Facts checked', description: 'Untick while any fact on the page is not yet checked. Unchecked pages are listed in the content report.', defaultValue: true }),
});

/** A guidance page in one language: src/content/guidance/<lang>/<slug>.md. */
function guidanceCollection(lang: string, name: string) {
  return collection({
    label: `Guidance (${name})`,
    slugField: 'title',
    path: `src/content/guidance/${lang}/*`,
    format: { contentField: 'body' },
    entryLayout: 'content',
    columns: ['title', 'lastReviewed'],
    schema: {
      ...pageFields('The heading of the page and the name in lists.'),
      description: fields.text({ label: 'Description', description: 'One sentence that says what the page is for. Shown in search results.', validation: { isRequired: true } }),
      order: fields.integer({ label: 'Position', description: 'Where the page comes in lists of guidance: lower numbers come first.', defaultValue: 100 }),
      easyRead: fields.checkbox({ label: 'Easy Read', description: 'An Easy Read page: large text, one idea per line, a picture beside each point.', defaultValue: false }),
      ...(lang === 'en' ? {} : { translation: translationRecord }),
      body,
    },
  });
}

/** An awareness campaign in one language: src/content/campaigns/<lang>/<slug>.md. */
function campaignCollection(lang: string, name: string) {
  return collection({
    label: `Campaigns (${name})`,
    slugField: 'title',
    path: `src/content/campaigns/${lang}/*`,
    format: { contentField: 'body' },
    entryLayout: 'content',
    columns: ['title', 'start', 'end'],
    schema: {
      title: pageFields('').title,
      summary: fields.text({ label: 'Summary', description: 'One or two sentences shown in lists and on the home page.', multiline: true, validation: { isRequired: true } }),
      start: fields.date({ label: 'First day', description: `The campaign shows from the start of this day, UK time. ${dateHint}`, validation: { isRequired: true } }),
      end: fields.date({ label: 'Last day', description: `The campaign shows until the end of this day, UK time. The same day as the first day or later. ${dateHint}`, validation: { isRequired: true } }),
      lastReviewed: pageFields('').lastReviewed,
      verified: pageFields('').verified,
      ...(lang === 'en' ? {} : { translation: translationRecord }),
      body,
    },
  });
}

const choice = (values: readonly string[]) => values.map((value) => ({ label: value, value }));
const phonePattern = { regex: /^[\d\s+]{3,16}$/, message: 'Digits and spaces only, as people write it: 0808 2000 247.' };

/** One service in the directory: src/content/services/<id>.yaml (service-schema.ts). */
const services = collection({
  label: 'Services directory',
  slugField: 'name',
  path: 'src/content/services/*',
  format: { data: 'yaml' },
  columns: ['name', 'lastVerified'],
  schema: {
    name: fields.slug({ name: { label: 'Name', description: 'The service’s own name.' }, slug: { label: 'File name', description: 'Lower-case letters, digits and dashes. Local services start with your area.' } }),
    description: fields.text({ label: 'Description', description: 'One or two plain sentences: what it does, for whom.', multiline: true, validation: { isRequired: true } }),
    audiences: fields.multiselect({ label: 'Who it is for', description: 'Leave all unticked when it is open to anyone.', options: choice(audiences), defaultValue: [] }),
    byAndFor: fields.checkbox({ label: 'By and for', description: 'Run by and for the community it serves.', defaultValue: false }),
    types: fields.multiselect({ label: 'Kind of help', description: 'At least one.', options: choice(serviceTypes), defaultValue: [] }),
    coverage: fields.text({ label: 'Area', description: '"national", or the name of the one area it serves.', validation: { isRequired: true } }),
    languages: fields.multiselect({
      label: 'Languages its staff speak',
      description: 'At least one. British Sign Language is "bfi".',
      options: [...locales.map((l) => ({ label: `${l.englishName} (${l.code})`, value: l.code })), { label: 'British Sign Language (bfi)', value: 'bfi' }],
      defaultValue: ['en'],
    }),
    interpreters: fields.checkbox({ label: 'Interpreters', description: 'Callers can have a spoken-language interpreter. Tick only when the service says so.', defaultValue: false }),
    phone: fields.text({ label: 'Phone', description: 'As people write it. Leave empty if it has none.', validation: { pattern: phonePattern } }),
    text: fields.text({ label: 'Text number', description: 'The number to send a text message to, if it takes texts.', validation: { pattern: phonePattern } }),
    chat: fields.url({ label: 'Web chat address', description: 'A full https:// address, if it has a web chat.' }),
    website: fields.url({ label: 'Website', description: 'A full https:// address.' }),
    hours: fields.text({ label: 'Hours', description: 'When it answers, in plain words ("24 hours, every day"). Leave empty when not known.' }),
    lastVerified: fields.date({ label: 'Last checked', description: `The day a person last checked every detail with the service. ${dateHint}`, validation: { isRequired: true } }),
    verified: fields.checkbox({ label: 'Every detail checked', description: 'Untick while any detail is not yet confirmed with the service.', defaultValue: false }),
    sample: fields.checkbox({ label: 'Sample', description: 'Only for the shipped examples: a fictional service to replace.', defaultValue: false }),
  },
});

const hours = (day: string) =>
  fields.object(
    {
      from: fields.text({ label: 'From', description: 'Like 09:00. Leave both empty for no calls on this day.' }),
      to: fields.text({ label: 'To', description: 'Like 17:00.' }),
    },
    { label: day, description: `When the team makes safe calls on ${day}, UK time.` },
  );
const yesNo = (label: string, description: string) => fields.checkbox({ label, description, defaultValue: false });

/** The landlord's profile: src/content/organisation.yaml (organisation-schema.ts). */
const organisation = singleton({
  label: 'Organisation profile',
  path: 'src/content/organisation',
  format: { data: 'yaml' },
  schema: {
    name: fields.text({ label: 'Full name', description: 'Your organisation’s full name.', validation: { isRequired: true } }),
    shortName: fields.text({ label: 'Short name', description: 'Up to 30 characters, for page titles.', validation: { isRequired: true, length: { max: 30 } } }),
    phone: fields.text({ label: 'Phone', description: 'Your domestic abuse team’s number, as people write it.', validation: { isRequired: true } }),
    phoneVerified: yesNo('Phone checked', 'Tick once you have rung the number and the right team answered.'),
    callbackHours: fields.object(
      { monday: hours('Monday'), tuesday: hours('Tuesday'), wednesday: hours('Wednesday'), thursday: hours('Thursday'), friday: hours('Friday'), saturday: hours('Saturday'), sunday: hours('Sunday') },
      { label: 'Callback hours', description: 'For each day, when your team makes safe calls.' },
    ),
    bankHolidayRegion: fields.select({
      label: 'Bank holidays',
      description: 'Bank holidays are not working days.',
      options: choice(['england-and-wales', 'scotland', 'northern-ireland']),
      defaultValue: 'england-and-wales',
    }),
    promises: fields.object(
      {
        firstContactWorkingDays: fields.integer({ label: 'First contact within (working days)', description: 'From 1 to 10.', defaultValue: 1, validation: { min: 1, max: 10 } }),
        regularContact: fields.select({ label: 'Keep in touch', description: 'How often you keep in touch.', options: choice(['weekly', 'fortnightly', 'monthly']), defaultValue: 'fortnightly' }),
        dashOffered: yesNo('DASH risk checklist', 'You complete the DASH checklist with survivors.'),
        byAndForReferrals: yesNo('By and for referrals', 'You refer to by and for services.'),
        sanctuaryScheme: yesNo('Sanctuary scheme', 'You offer extra security so people can stay at home.'),
        managementMoves: yesNo('Management moves', 'You arrange urgent moves.'),
        perpetratorSupport: yesNo('Support for perpetrators', 'You refer people worried about their own behaviour.'),
        abuseArrearsPlan: yesNo('Arrears from abuse', 'Arrears caused by abuse are not treated as the survivor’s fault, and you agree a plan they can afford.'),
      },
      { label: 'Promises', description: 'What you offer. Pages say only what is ticked here.' },
    ),
    lifetimeTenancies: yesNo('Lifetime tenancies', 'Survivors you rehouse because of abuse get a lifetime tenancy.'),
    sharing: fields.object(
      {
        withConsent: yesNo('With permission', 'You share with the survivor’s permission.'),
        seriousRisk: yesNo('Serious risk', 'Without permission, when someone is at serious risk of harm.'),
        childSafeguarding: yesNo('Child safeguarding', 'Without permission, when a child needs protecting.'),
        lawRequires: yesNo('Law requires', 'Without permission, when the law requires it.'),
        crimesToPolice: yesNo('Crimes to police', 'You report possible crimes to the police.'),
        partnerAgencies: yesNo('Partner agencies', 'You share lower-level cases with partner agencies.'),
      },
      { label: 'When you share', description: 'The privacy pages list exactly the cases ticked here.' },
    ),
    retentionDays: fields.integer({ label: 'Keep closed cases (days)', description: 'Days after a case closes before it is deleted. From 1 to 3650.', defaultValue: 90, validation: { min: 1, max: 3650 } }),
    localServices: fields.array(fields.text({ label: 'File name', description: 'A file name in the services directory.' }), {
      label: 'Local services',
      description: 'Your local partners, shown first in the directory.',
      itemLabel: (props) => props.value,
    }),
    privacyContact: fields.object(
      {
        name: fields.text({ label: 'Name', description: 'Who residents contact about their data.', validation: { isRequired: true } }),
        email: fields.text({ label: 'Email', description: 'Their email address.', validation: { isRequired: true } }),
      },
      { label: 'Privacy contact', description: 'Who residents contact about their data.' },
    ),
    exitUrl: fields.url({ label: 'Quick exit address', description: 'A neutral https:// page, such as a weather forecast.', validation: { isRequired: true } }),
    discreetTitles: yesNo('Discreet titles', 'Every page gets the same neutral title. Read the README first.'),
  },
});

const languageCollections = Object.fromEntries(
  locales.flatMap((l) => [
    [`campaigns_${l.code}`, campaignCollection(l.code, l.englishName)],
    [`guidance_${l.code}`, guidanceCollection(l.code, l.englishName)],
  ]),
);

export default config({
  storage: { kind: 'local' },
  ui: {
    brand: { name: 'Publishing' },
    navigation: {
      Campaigns: locales.map((l) => `campaigns_${l.code}`),
      Guidance: locales.map((l) => `guidance_${l.code}`),
      Directory: ['services', 'organisation'],
    },
  },
  collections: { ...languageCollections, services },
  singletons: { organisation },
});
