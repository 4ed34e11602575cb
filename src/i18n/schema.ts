import { z } from 'zod';

/** One UI string: a non-empty string whose description doubles as a note for translators. */
const text = (description: string) => z.string().min(1).meta({ description });

/**
 * Every UI key, declared once. Each locales/<lang>.json is parsed against this at build and in the
 * unit tests, so a missing or stray key fails both. Keys are "<component>.<purpose>"; keys heard
 * only by screen readers end in "accessibleLabel". {{name}} marks an i18next variable: keep it.
 */
export const uiSchema = z.strictObject({
  'skipLink.label': text('Link at the very top of each page that jumps past the header to the main content.'),
  'quickExit.label': text('Visible text on the button that leaves the site at once. Short, two or three words.'),
  'quickExit.hint': text('Short hint beside the exit button: it can also be used by pressing Shift three times.'),
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
  'guidance.outdatedNotice': text('Notice above a translated page whose English version has changed since it was translated. {{link}} is a link whose text is guidance.outdatedLink.'),
  'guidance.outdatedLink': text('Link text, inside guidance.outdatedNotice, to the English version of the page.'),
  'footer.campaigns': text('Footer link to the page listing awareness campaigns.'),
  'campaigns.title': text('Heading of the awareness campaigns page, and of the campaigns block on the home page.'),
  'campaigns.intro': text('One sentence under the campaigns page heading saying what the campaigns are.'),
  'campaigns.none': text('Shown on the campaigns page when there are no campaigns.'),
  'campaigns.seeAll': text('Link from the campaigns block on the home page to the page listing every campaign.'),
  'campaigns.inEnglish': text('Short label after a campaign title that is not translated yet and is shown in English.'),
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

/** The shape of one language's UI strings. */
export type UiStrings = z.infer<typeof uiSchema>;

/** Every UI key. */
export type UiKey = keyof UiStrings;
