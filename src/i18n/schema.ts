import { z } from 'zod';

/** One UI string: a non-empty string whose description doubles as a note for translators. */
const text = (description: string) => z.string().min(1).meta({ description });

/** A UI string whose wording depends on {{count}}; each language gives the plural forms it needs. */
interface PluralText {
  plural: z.ZodString;
}
const plural = (description: string): PluralText => ({ plural: text(description) });

/** Keeps each declaration's own type, so plain and plural keys can be told apart in types. */
const declareUi = <T extends Record<string, z.ZodString | PluralText>>(declarations: T) => declarations;

/**
 * Every UI key, declared once. Each locales/<lang>.json is parsed against uiSchemaFor(lang) at
 * build and in the unit tests, so a missing or stray key fails both. Keys are
 * "<component>.<purpose>"; keys heard only by screen readers end in "accessibleLabel".
 * {{name}} marks an i18next variable: keep it. A plural key appears in the files as i18next plural
 * forms: "key_one", "key_other" in English; Arabic needs _zero, _one, _two, _few, _many, _other.
 */
export const uiKeys = declareUi({
  'skipLink.label': text('Link at the very top of each page that jumps past the header to the main content.'),
  'quickExit.label': text('Visible text on the button that leaves the site at once. Short, two or three words.'),
  'quickExit.hint': text('Short hint beside the exit button: it can also be used by pressing Shift three times.'),
  'quickExit.pressesLeft': plural('Announced to screen readers after each press of Shift: how many more presses leave the site. {{count}} is 1 or 2.'),
  'quickExit.timedOut': text('Announced when more than 5 seconds pass between presses of Shift, so the count starts again.'),
  'header.homeAccessibleLabel': text('Screen reader name of the landlord name link in the header, which goes to the home page. {{name}} is the landlord.'),
  'languageSwitcher.label': text('Label of the language menu. The menu lists each language in its own script.'),
  'languageSwitcher.submit': text('Button that changes the language when JavaScript is off.'),
  'breadcrumbs.accessibleLabel': text('Screen reader name of the breadcrumb trail ("you are here" links).'),
  'breadcrumbs.home': text('First breadcrumb, the home page.'),
  'helpNow.title': text('Heading of the help block shown on every page.'),
  'helpNow.danger': text('First line of the help block. {{number}} is 999.'),
  'helpNow.silent': text('How to use the Silent Solution. {{number}} is 999 and {{code}} is 55.'),
  'helpNow.helpline': text('The National Domestic Abuse Helpline: free and open 24 hours. The number follows on its own.'),
  'helpNow.callback': text('Link to the form where you ask the landlord to call you back at a safe time.'),
  'helpNow.notEmergency': text('Reminder that this website and its callback service are not an emergency service.'),
  'footer.accessibleLabel': text('Screen reader name of the footer links.'),
  'footer.coverTracks': text('Footer link to the page that explains how to cover your tracks online.'),
  'footer.about': text('Footer link to the page about this website.'),
  'footer.machineDraft': text('Notice on a page whose translation was drafted by a machine and not yet checked by a person.'),
  'guidance.fallbackNotice': text('Notice above a page shown in English because it is not translated yet. {{language}} is the reader\'s language, written in that language.'),
  'page.lastReviewed': text('Date the page content was last checked. {{date}} is a formatted date.'),
  'page.discreetTitle': text('Neutral page title used when the landlord turns on discreet titles, so an open tab does not reveal the topic.'),
  'home.title': text('Main heading of the home page.'),
  'home.intro': text('One or two sentences under the home page heading saying who the site is for.'),
  'home.routesTitle': text('Heading above the four main routes on the home page.'),
  'home.routeHelpNow': text('Route on the home page: get help now.'),
  'home.routeStaySafe': text('Route on the home page: stay safe in your home.'),
  'home.routeMove': text('Route on the home page: move somewhere safe.'),
  'home.routeCallback': text('Route on the home page: ask us to call you back.'),
  'notFound.title': text('Heading of the page shown when an address does not exist.'),
  'notFound.body': text('Text on the not-found page, pointing to the home page.'),
});

type Declarations = typeof uiKeys;

/** Keys of plain strings, used as they are: t('skipLink.label'). */
export type UiKey = { [K in keyof Declarations]: Declarations[K] extends PluralText ? never : K }[keyof Declarations];

/** Keys of plural strings, used with a count: t('quickExit.pressesLeft', { count }). */
export type PluralUiKey = Exclude<keyof Declarations, UiKey>;

// English is the source language, and needs only these two forms (a unit test checks this).
type SourcePluralForm = 'one' | 'other';

/** The shape of the source (English) UI strings; i18next's types check t() calls against it. */
export type UiStrings = { [K in UiKey]: string } & { [K in PluralUiKey as `${K}_${SourcePluralForm}`]: string };

/** One language's UI strings: every plain key, plus its own plural forms. */
export type LocaleStrings = { [K in UiKey]: string } & Record<string, string>;

/** The plural forms a language needs, named as i18next suffixes them ("one", "few", …). */
export function pluralForms(lang: string): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
}

/** The schema one language's file must match: every plain key, and each plural key in exactly its forms. */
export function uiSchemaFor(lang: string) {
  const shape: Record<string, z.ZodString> = {};
  for (const [key, declaration] of Object.entries(uiKeys)) {
    if ('plural' in declaration) {
      for (const form of pluralForms(lang)) shape[`${key}_${form}`] = declaration.plural;
    } else {
      shape[key] = declaration;
    }
  }
  return z.strictObject(shape);
}
