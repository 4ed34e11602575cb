import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import ukPhoneMetadata from '../../../src/callback/uk-phone-metadata.json' with { type: 'json' };

it('the phone metadata is exactly the installed libphonenumber-js metadata for GB', () => {
  const full = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json');
  // If this fails after updating libphonenumber-js, regenerate the file from the same filter.
  expect(ukPhoneMetadata).toEqual({
    version: full.version,
    country_calling_codes: { '44': ['GB'] },
    countries: { GB: full.countries.GB },
    nonGeographic: {},
  });
  // Jersey, Guernsey and the Isle of Man share +44; left out, their numbers parse as GB's.
  expect(full.country_calling_codes['44']).toEqual(['GB', 'GG', 'IM', 'JE']);
});
