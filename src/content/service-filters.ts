/**
 * The services directory's filters, as plain functions shared by the server (the form posted with
 * JavaScript off), the page's own script (filtering in place with JavaScript on) and the tests.
 * A choice never goes in the address: see src/pages/[lang]/services/index.astro for why.
 */

/** The parts of a service the filters look at. */
export interface Filterable {
  id: string;
  audiences: readonly string[];
  types: readonly string[];
  /** Languages its own staff speak. */
  languages: readonly string[];
  /** True when callers can have a spoken-language interpreter for any other language. */
  interpreters: boolean;
  coverage: string;
}

/** A resident's choices; an absent field means "any". */
export interface ServiceFilters {
  for?: string;
  type?: string;
  language?: string;
  area?: string;
}

/** The form's field names. */
export const filterNames = ['for', 'type', 'language', 'area'] as const;

/** Sign languages: a phone interpreter cannot stand in for them, so only services that list one match it. */
const signLanguages: readonly string[] = ['bfi'];

/** The choices in a posted form, keeping only values the directory offers (anything else means "any"). */
export function readFilters(form: URLSearchParams, offered: Record<(typeof filterNames)[number], readonly string[]>): ServiceFilters {
  const filters: ServiceFilters = {};
  for (const name of filterNames) {
    const value = form.get(name);
    if (value && offered[name].includes(value)) filters[name] = value;
  }
  return filters;
}

/**
 * How a service helps someone in `language`: "spoken" when its own staff speak it, "interpreter"
 * when it arranges an interpreter, undefined when it cannot help in that language.
 */
export function languageHelp(service: Pick<Filterable, 'languages' | 'interpreters'>, language: string): 'spoken' | 'interpreter' | undefined {
  if (service.languages.includes(language)) return 'spoken';
  if (service.interpreters && !signLanguages.includes(language)) return 'interpreter';
  return undefined;
}

/**
 * Services matching every choice, in their given order except that services made for the chosen
 * audience come before those open to anyone, and for a chosen language those whose staff speak it
 * come before those that use an interpreter. A national service matches any area, since it serves
 * every area too.
 */
export function filterServices<T extends Filterable>(services: readonly T[], filters: ServiceFilters): T[] {
  const { for: audience, type, language, area } = filters;
  const madeFor = (s: T) => Number(audience !== undefined && s.audiences.includes(audience));
  const speaks = (s: T) => Number(language !== undefined && s.languages.includes(language));
  return services
    .filter(
      (s) =>
        (!audience || s.audiences.length === 0 || s.audiences.includes(audience)) &&
        (!type || s.types.includes(type)) &&
        (!language || languageHelp(s, language) !== undefined) &&
        (!area || s.coverage === 'national' || s.coverage === area),
    )
    .sort((a, b) => madeFor(b) - madeFor(a) || speaks(b) - speaks(a));
}

/**
 * The languages and areas the filter menus offer, sorted, areas with national first. Languages are
 * those any service's staff speak, plus the site's own when any service has interpreters, so a
 * reader can always choose the language the page is in.
 */
export function offeredValues(services: readonly Filterable[], siteLanguages: readonly string[]): { languages: string[]; areas: string[] } {
  const interpreted = services.some((s) => s.interpreters) ? siteLanguages : [];
  const languages = [...new Set([...services.flatMap((s) => s.languages), ...interpreted])].sort();
  const areas = [...new Set(services.map((s) => s.coverage))].sort((a, b) => (a === 'national' ? -1 : b === 'national' ? 1 : a.localeCompare(b)));
  return { languages, areas };
}
