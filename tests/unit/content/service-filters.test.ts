import { describe, expect, it } from 'vitest';
import { filterServices, offeredValues, readFilters } from '../../../src/content/service-filters.ts';

const service = (id: string, over: Partial<{ audiences: string[]; types: string[]; languages: string[]; coverage: string }> = {}) => ({
  id,
  audiences: [],
  types: ['helpline'],
  languages: ['en'],
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

  it('reads only offered values from the address, ignoring anything else', () => {
    const offered = { for: ['lgbt'], type: ['helpline'], language: ['en'], area: ['national'] };
    expect(readFilters(new URLSearchParams('for=lgbt&type=<script>&language=&area=national&extra=1'), offered)).toEqual({
      for: 'lgbt',
      area: 'national',
    });
  });

  it('offers the languages held and the areas, national first', () => {
    expect(offeredValues(services)).toEqual({ languages: ['en', 'pl'], areas: ['national', 'Example Borough', 'Other Borough'] });
  });
});
