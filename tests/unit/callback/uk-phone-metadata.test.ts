import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import ukPhoneMetadata from '../../../src/callback/uk-phone-metadata.json' with { type: 'json' };

it('the +44 phone metadata is exactly the installed libphonenumber-js metadata for +44', () => {
  const full = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json');
  const codes: string[] = full.country_calling_codes['44'];
  // If this fails after updating libphonenumber-js, regenerate the file from the same filter.
  expect(ukPhoneMetadata).toEqual({
    version: full.version,
    country_calling_codes: { '44': codes },
    countries: Object.fromEntries(codes.map((c) => [c, full.countries[c]])),
    nonGeographic: {},
  });
});
