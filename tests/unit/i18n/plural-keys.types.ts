// Checked by `astro check` (npm run check), not run: t() accepts a plural key by its declared
// name with a count, and rejects a misspelt one.
import { translatorFor } from '../../../src/i18n/translate.ts';

const t = translatorFor('en');
export const pressesLeft: string = t('quickExit.pressesLeft', { count: 2 });
// @ts-expect-error: no such key
export const misspelt = t('quickExit.pressesLft', { count: 2 });
// @ts-expect-error: a plural form is not a key of its own
export const formAsKey = t('quickExit.pressesLeft_few', { count: 2 });
