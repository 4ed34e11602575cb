/** What a click on a link looked like: the parts that decide whether the site handles it. */
export interface LinkClick {
  /** The link's resolved address (HTMLAnchorElement.href). */
  href: string;
  /** The link's target attribute, or "" when it has none. */
  target: string;
  /** True when the link has a download attribute. */
  download: boolean;
  /** Mouse button: 0 is the main one (Enter on a link also gives 0). */
  button: number;
  /** True when Ctrl, Meta, Shift or Alt was held: the reader asked for a new tab, window or a download. */
  modified: boolean;
}

/**
 * The address to open in place of the current history entry, or null to let the browser follow
 * the link as usual. Links within the site (in-page anchors too) replace the entry, so a whole
 * visit takes one entry in the tab's session history and Back after quick exit leaves the site.
 * (The browser's own history still records each address: see README, Quick exit and history.)
 * Phone links, links to other sites and new-tab clicks are left alone.
 */
export function replacementFor(click: LinkClick, pageUrl: string): string | null {
  if (click.button !== 0 || click.modified || click.download) return null;
  if (click.target && click.target !== '_self') return null;
  const page = new URL(pageUrl);
  const destination = new URL(click.href, page);
  if (destination.origin !== page.origin) return null;
  return destination.href;
}
