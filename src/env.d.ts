/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** UI strings for the current page's language. */
    t: import('./i18n/translate.ts').Translate;
    lang: import('./i18n/locales.ts').LocaleCode;
  }
}
