/**
 * The services directory's filters, as plain functions so the page and the tests share them.
 * The page is rendered on the server from a GET form, so filtering works the same with or without
 * JavaScript (see src/pages/[lang]/services/index.astro for why).
 */

/** The parts of a service the filters look at. */
export interface Filterable {
  id: string;
  audiences: readonly string[];
  types: readonly string[];
  languages: readonly string[];
  coverage: string;
}

/** A resident's choices; an absent field means "any". */
export interface ServiceFilters {
  for?: string;
  type?: string;
  language?: string;
  area?: string;
}

/** Query parameter names, the same as the form's field names. */
export const filterNames = ['for', 'type', 'language', 'area'] as const;

/** The choices in a query string, keeping only values the directory offers (anything else means "any"). */
export function readFilters(params: URLSearchParams, offered: Record<(typeof filterNames)[number], readonly string[]>): ServiceFilters {
  const filters: ServiceFilters = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value && offered[name].includes(value)) filters[name] = value;
  }
  return filters;
}

/**
 * Services matching every choice, in their given order except that services made for the chosen
 * audience come before those open to anyone. A national service matches any area, since it serves
 * every area too.
 */
export function filterServices<T extends Filterable>(services: readonly T[], filters: ServiceFilters): T[] {
  const { for: audience, type, language, area } = filters;
  const madeFor = (s: T) => Number(audience !== undefined && s.audiences.includes(audience));
  return services
    .filter(
      (s) =>
        (!audience || s.audiences.length === 0 || s.audiences.includes(audience)) &&
        (!type || s.types.includes(type)) &&
        (!language || s.languages.includes(language)) &&
        (!area || s.coverage === 'national' || s.coverage === area),
    )
    .sort((a, b) => madeFor(b) - madeFor(a));
}

/** The languages and areas the directory holds, sorted, for the filter menus. */
export function offeredValues(services: readonly Filterable[]): { languages: string[]; areas: string[] } {
  const languages = [...new Set(services.flatMap((s) => s.languages))].sort();
  const areas = [...new Set(services.map((s) => s.coverage))].sort((a, b) => (a === 'national' ? -1 : b === 'national' ? 1 : a.localeCompare(b)));
  return { languages, areas };
}
