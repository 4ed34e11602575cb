import type { UiKey } from '../i18n/schema.ts';
import type { Translate } from '../i18n/translate.ts';

/** What a browser tab and a search result show about a page. */
export interface TabIdentity {
  title: string;
  favicon: string;
  /** Left out when titles are discreet: a search snippet would name the topic. */
  description?: string;
}

/** Everything tabIdentity needs to know about a page and the site's setting. */
export interface TabIdentityInput {
  /** The page's own title, such as "Cover your tracks online". */
  title: string;
  description?: string;
  /** The landlord's short name, added after every title. */
  siteName: string;
  /** The translated neutral title, such as "Help and advice". */
  neutralTitle: string;
  /** organisation.discreetTitles: the same neutral title and icon on every page. */
  discreet: boolean;
}

/**
 * The tab's title, icon and description. With discreet titles on, every page gets the same neutral
 * ones, so a tab left open does not say "domestic abuse" (this gives up WCAG 2.4.2; see README).
 */
export function tabIdentity({ title, description, siteName, neutralTitle, discreet }: TabIdentityInput): TabIdentity {
  if (discreet) return { title: `${neutralTitle} – ${siteName}`, favicon: '/favicon-neutral.svg' };
  return { title: `${title} – ${siteName}`, favicon: '/favicon.svg', description };
}

/**
 * Guidance pages whose name is already a UI string in every language (a footer link or a home-page
 * route), so a page shown in English can still have a tab title in the reader's language.
 */
const translatedPageNames: Readonly<Record<string, UiKey>> = {
  'help-now': 'home.routeHelpNow',
  'staying-in-your-home': 'home.routeStaySafe',
  'moving-home': 'home.routeMove',
  'cover-your-tracks': 'footer.coverTracks',
  'easy-read': 'footer.easyRead',
  glossary: 'footer.glossary',
  privacy: 'footer.privacy',
  accessibility: 'footer.accessibility',
  about: 'footer.about',
};

/**
 * The title of a page shown in English because it is not translated yet, in the reader's language:
 * its translated name marked "(in English)" where the UI strings have one, else "Page in English".
 * The English title would leave English in the tab and the history list of a page in another language.
 */
export function fallbackTabTitle(slug: string, t: Translate): string {
  const name = translatedPageNames[slug];
  return name ? t('guidance.fallbackTabTitle', { title: t(name) }) : t('guidance.fallbackTabTitleUnnamed');
}
