import { getCollection, type CollectionEntry } from 'astro:content';
import type { LocaleCode } from '../i18n/locales.ts';
import { organisation } from './organisation.ts';
import { localizeService, type LocalizedService } from './service-translation.ts';

/** One directory entry in the reader's language, with its file name as id, and whether the landlord lists it as a local partner. */
export type DirectoryService = LocalizedService<CollectionEntry<'services'>['data'] & { id: string; localPartner: boolean }>;

/**
 * Every service in the directory, its words in `lang` where translated (src/content/services/<lang>/):
 * the landlord's local partners first, then by English name, so the order is the same in every
 * language. Throws when organisation.yaml names a local partner that has no file, so the build says
 * exactly what is missing.
 */
export async function directoryServices(lang: LocaleCode): Promise<DirectoryService[]> {
  const entries = await getCollection('services');
  const translations = new Map((await getCollection('serviceTranslations')).map((t) => [t.id, t.data]));
  const ids = new Set(entries.map((e) => e.id));
  const missing = organisation.localServices.filter((id) => !ids.has(id));
  if (missing.length > 0) {
    throw new Error(`organisation.yaml localServices: no file src/content/services/${missing[0]}.yaml (${missing.join(', ')})`);
  }
  const partners = organisation.localServices;
  return entries
    .map((e) => ({ ...e.data, id: e.id, localPartner: partners.includes(e.id) }))
    .sort((a, b) => Number(b.localPartner) - Number(a.localPartner) || a.name.localeCompare(b.name, 'en'))
    .map((service) => localizeService(service, translations.get(`${lang}/${service.id}`), lang === 'en'));
}
