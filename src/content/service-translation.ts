import { serviceProseHash, serviceProseFields, type Service, type ServiceTranslation } from './service-schema.ts';
import { translationState } from './translation-status.ts';

/** A prose field of a directory entry: name, description or hours. */
export type ServiceProseField = (typeof serviceProseFields)[number];

/** An entry as a reader in one language gets it, and which of its words are still English. */
export type LocalizedService<S extends Service> = S & {
  /** True for each field shown in English (lang="en" on the page, and the notice above the list). */
  inEnglish: Record<ServiceProseField, boolean>;
};

/**
 * The entry in the reader's language: the translation's name, description and hours where it has
 * them and it was made from the current English words (same rule as pages); otherwise the English
 * words, marked so the page can say so. An outdated description is not shown: hours or who a
 * service is for may have changed, and the English is the checked version.
 */
export function localizeService<S extends Service & { id: string }>(service: S, translation: ServiceTranslation | undefined, isEnglish: boolean): LocalizedService<S> {
  const current = translation && translationState(translation.translation, service.id, serviceProseHash(service)).state === 'up-to-date';
  const use = (field: ServiceProseField) => Boolean(current && translation?.[field] !== undefined);
  const inEnglish = Object.fromEntries(
    serviceProseFields.map((field) => [field, !isEnglish && service[field] !== undefined && !use(field)]),
  ) as Record<ServiceProseField, boolean>;
  if (!current) return { ...service, inEnglish };
  return {
    ...service,
    name: translation.name ?? service.name,
    description: translation.description,
    hours: translation.hours ?? service.hours,
    inEnglish,
  };
}
