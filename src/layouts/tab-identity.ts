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
