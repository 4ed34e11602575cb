import type { UiStrings } from './schema.ts';

// Makes t('a.typo') a type error: the keys come from the zod schema.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: UiStrings };
    keySeparator: false;
    nsSeparator: false;
    returnNull: false;
  }
}
