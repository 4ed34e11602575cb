import type { Translate } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/schema.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import type { audiences, serviceTypes } from './service-schema.ts';

/** The UI string naming each audience. */
export const audienceKeys: Record<(typeof audiences)[number], UiKey> = {
  women: 'services.forWomen',
  men: 'services.forMen',
  lgbt: 'services.forLgbt',
  'black-and-minoritised': 'services.forBlackAndMinoritised',
  'deaf-and-disabled': 'services.forDeafAndDisabled',
  'older-people': 'services.forOlderPeople',
  'young-people': 'services.forYoungPeople',
  'honour-based-abuse': 'services.forHonourBasedAbuse',
};

/** The UI string naming each type of help. */
export const typeKeys: Record<(typeof serviceTypes)[number], UiKey> = {
  helpline: 'services.typeHelpline',
  refuge: 'services.typeRefuge',
  advocacy: 'services.typeAdvocacy',
  legal: 'services.typeLegal',
  'perpetrator-programme': 'services.typePerpetratorProgramme',
  counselling: 'services.typeCounselling',
};

/** A language's name in the reader's language. British Sign Language has no name in Intl, so it has a UI string. */
export function languageName(code: string, readerLang: LocaleCode, t: Translate): string {
  if (code === 'bfi') return t('services.britishSignLanguage');
  return new Intl.DisplayNames([readerLang], { type: 'language' }).of(code) ?? code;
}

/** The UI string saying how a service helps in a chosen language; {{language}} is that language's name. */
export const languageHelpKeys: Record<'spoken' | 'interpreter', UiKey> = {
  spoken: 'services.helpInLanguageSpoken',
  interpreter: 'services.helpInLanguageInterpreter',
};
