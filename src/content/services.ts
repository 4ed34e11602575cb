import { getCollection, type CollectionEntry } from 'astro:content';
import { organisation } from './organisation.ts';

/** One directory entry with its file name as id, and whether the landlord lists it as a local partner. */
export type DirectoryService = CollectionEntry<'services'>['data'] & { id: string; localPartner: boolean };

/**
 * Every service in the directory: the landlord's local partners first, then by name. Throws when
 * organisation.yaml names a local partner that has no file, so the build says exactly what is missing.
 */
export async function directoryServices(): Promise<DirectoryService[]> {
  const entries = await getCollection('services');
  const ids = new Set(entries.map((e) => e.id));
  const missing = organisation.localServices.filter((id) => !ids.has(id));
  if (missing.length > 0) {
    throw new Error(`organisation.yaml localServices: no file src/content/services/${missing[0]}.yaml (${missing.join(', ')})`);
  }
  const partners = organisation.localServices;
  return entries
    .map((e) => ({ ...e.data, id: e.id, localPartner: partners.includes(e.id) }))
    .sort((a, b) => Number(b.localPartner) - Number(a.localPartner) || a.name.localeCompare(b.name, 'en'));
}
