import { describe, expect, it } from 'vitest';
import { filterServices, languageHelp, offeredValues, readFilters } from '../../../src/content/service-filters.ts';

type Over = Partial<{ audiences: string[]; types: string[]; languages: string[]; interpreters: boolean; coverage: string }>;
const service = (id: string, over: Over = {}) => ({
  id,
  audiences: [],
  types: ['helpline'],
  languages: ['en'],
  interpreters: false,
  coverage: 'national',
  ...over,
});
const services = [
  service('anyone'),
  service('galop', { audiences: ['lgbt'] }),
  service('local-refuge', { audiences: ['women'], types: ['refuge'], languages: ['en', 'pl'], coverage: 'Example Borough' }),
  service('elsewhere', { types: ['refuge'], coverage: 'Other Borough' }),
];
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('services directory filters', () => {
  it('shows everything with no choices', () => {
    expect(ids(filterServices(services, {}))).toEqual(['anyone', 'galop', 'local-refuge', 'elsewhere']);
  });

  it('by audience: services made for that audience first, then those open to anyone', () => {
    expect(ids(filterServices(services, { for: 'lgbt' }))).toEqual(['galop', 'anyone', 'elsewhere']);
  });

  it('by type, language and area; national services count in every area', () => {
    expect(ids(filterServices(services, { type: 'refuge' }))).toEqual(['local-refuge', 'elsewhere']);
    expect(ids(filterServices(services, { language: 'pl' }))).toEqual(['local-refuge']);
    expect(ids(filterServices(services, { area: 'Example Borough' }))).toEqual(['anyone', 'galop', 'local-refuge']);
    expect(ids(filterServices(services, { type: 'refuge', area: 'Example Borough', for: 'women' }))).toEqual(['local-refuge']);
    expect(ids(filterServices(services, { for: 'men', type: 'refuge', language: 'pl' }))).toEqual([]);
  });

  it('reads only offered values from the posted form, ignoring anything else', () => {
    const offered = { for: ['lgbt'], type: ['helpline'], language: ['en'], area: ['national'] };
    expect(readFilters(new URLSearchParams('for=lgbt&type=<script>&language=&area=national&extra=1'), offered)).toEqual({
      for: 'lgbt',
      area: 'national',
    });
  });

  it('offers the languages held and the areas, national first', () => {
    expect(offeredValues(services, ['en', 'ur'])).toEqual({ languages: ['en', 'pl'], areas: ['national', 'Example Borough', 'Other Borough'] });
  });
});

describe('a chosen language and interpreters', () => {
  const helpline = service('national-helpline', { interpreters: true });
  const sisters = service('by-and-for', { languages: ['en', 'ur', 'pa'], coverage: 'Example Borough' });
  const bsl = service('999-bsl', { languages: ['bfi'] });
  const directory = [helpline, service('english-only'), sisters, bsl];

  it('keeps services that get an interpreter, after those whose staff speak the language', () => {
    expect(ids(filterServices(directory, { language: 'ur' }))).toEqual(['by-and-for', 'national-helpline']);
    expect(ids(filterServices(directory, { language: 'pl' }))).toEqual(['national-helpline']);
    expect(ids(filterServices(directory, { language: 'en' }))).toEqual(['national-helpline', 'english-only', 'by-and-for']);
  });

  it('does not stand a phone interpreter in for British Sign Language', () => {
    expect(ids(filterServices(directory, { language: 'bfi' }))).toEqual(['999-bsl']);
    expect(languageHelp(helpline, 'bfi')).toBeUndefined();
  });

  it('says how each service helps in the chosen language', () => {
    expect(languageHelp(sisters, 'pa')).toBe('spoken');
    expect(languageHelp(helpline, 'pa')).toBe('interpreter');
    expect(languageHelp(helpline, 'en')).toBe('spoken');
    expect(languageHelp(service('english-only'), 'pa')).toBeUndefined();
  });

  it("offers every one of the site's languages once any service has interpreters", () => {
    expect(offeredValues(directory, ['en', 'gu', 'ur']).languages).toEqual(['bfi', 'en', 'gu', 'pa', 'ur']);
    expect(offeredValues([sisters], ['en', 'gu', 'ur']).languages).toEqual(['en', 'pa', 'ur']);
  });
});
