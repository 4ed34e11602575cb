import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { organisation, parseOrganisation } from '../../../src/content/organisation.ts';

const shipped = readFileSync('src/content/organisation.yaml', 'utf8');

describe('organisation profile', () => {
  it('parses the shipped example', () => {
    expect(organisation.shortName).toBe('Example Homes');
    expect(organisation.promises.firstContactWorkingDays).toBe(1);
    expect(organisation.exitUrl).toMatch(/^https:\/\//);
  });

  it('names each bad field and says what is wrong', () => {
    const bad = shipped
      .replace('exitUrl: https://www.bbc.co.uk/weather', 'exitUrl: http://example.com')
      .replace('monday: { from: "09:00", to: "17:00" }', 'monday: { from: "9am", to: "17:00" }')
      .replace('firstContactWorkingDays: 1', 'firstContactWorkingDays: 0');
    let message = '';
    try {
      parseOrganisation(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('src/content/organisation.yaml is not valid');
    expect(message).toContain('exitUrl: must be a full https:// address');
    expect(message).toContain('callbackHours.monday.from: must be a time like "09:00"');
    expect(message).toContain('promises.firstContactWorkingDays:');
  });

  it('rejects an unknown field by name', () => {
    expect(() => parseOrganisation(`${shipped}\nfavouriteColour: blue\n`)).toThrow(/unknown field\(s\) favouriteColour/);
  });

  it('reads a day with neither time (as the editor saves an empty day) as no calls that day, but a day with one time as a mistake', () => {
    const withEmptyDays = shipped.replace(/callbackHours:\n/, 'callbackHours:\n  saturday: {}\n  sunday: {}\n');
    expect(Object.keys(parseOrganisation(withEmptyDays).callbackHours)).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);
    expect(() => parseOrganisation(shipped.replace(/callbackHours:\n/, 'callbackHours:\n  saturday: { from: "10:00" }\n'))).toThrow(/callbackHours\.saturday\.to: /);
  });

  it('rejects a closing time before the opening time', () => {
    const bad = shipped.replace('tuesday: { from: "09:00", to: "17:00" }', 'tuesday: { from: "17:00", to: "09:00" }');
    expect(() => parseOrganisation(bad)).toThrow(/callbackHours\.tuesday: "from" must be before "to"/);
  });

  it('names a local partner that is not a directory file name, and a missing promise', () => {
    const bad = shipped.replace('  - local-sample-refuge', '  - Example Refuge.yaml').replace('  dashOffered: true\n', '');
    expect(() => parseOrganisation(bad)).toThrow(/localServices\.2: must be a file name in src\/content\/services\/, without \.yaml/);
    expect(() => parseOrganisation(bad)).toThrow(/promises\.dashOffered: /);
  });
});
