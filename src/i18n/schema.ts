import { z } from 'zod';

/** One UI string: a non-empty string whose description doubles as a note for translators. */
const text = (description: string) => z.string().min(1).meta({ description });

/** A UI string whose wording depends on {{count}}; each language gives the plural forms it needs. */
interface PluralText {
  plural: z.ZodString;
}
const plural = (description: string): PluralText => ({ plural: text(description) });

/** Keeps each declaration's own type, so plain and plural keys can be told apart in types. */
const declareUi = <T extends Record<string, z.ZodString | PluralText>>(declarations: T) => declarations;

/**
 * Every UI key, declared once. Each locales/<lang>.json is parsed against uiSchemaFor(lang) at
 * build and in the unit tests, so a missing or stray key fails both. Keys are
 * "<component>.<purpose>"; keys heard only by screen readers end in "accessibleLabel".
 * {{name}} marks an i18next variable: keep it. A plural key appears in the files as i18next plural
 * forms: "key_one", "key_other" in English; Arabic needs _zero, _one, _two, _few, _many, _other.
 */
export const uiKeys = declareUi({
  'skipLink.label': text('Link at the very top of each page that jumps past the header to the main content.'),
  'quickExit.label': text('Visible text on the button that leaves the site at once. Short, two or three words.'),
  'quickExit.hint': text('Short hint beside the exit button: it can also be used by pressing Shift three times.'),
  'quickExit.pressesLeft': plural('Announced to screen readers after each press of Shift: how many more presses leave the site. {{count}} is 1 or 2.'),
  'quickExit.timedOut': text('Announced when more than 5 seconds pass between presses of Shift, so the count starts again.'),
  'header.homeAccessibleLabel': text('Screen reader name of the landlord name link in the header, which goes to the home page. {{name}} is the landlord.'),
  'languageSwitcher.label': text('Label of the language menu. The menu lists each language in its own script.'),
  'languageSwitcher.submit': text('Button that changes the language when JavaScript is off.'),
  'breadcrumbs.accessibleLabel': text('Screen reader name of the breadcrumb trail ("you are here" links).'),
  'breadcrumbs.home': text('First breadcrumb, the home page.'),
  'helpNow.title': text('Heading of the help block shown on every page.'),
  'helpNow.danger': text('First line of the help block. {{number}} is 999.'),
  'helpNow.silent': text(
    'How to call 999 without speaking. {{number}} is 999 and {{code}} is 55. Pressing 55 works only from a mobile and does not share your location; from a landline you stay on the line. Keep all three facts.',
  ),
  'helpNow.helpline': text('The National Domestic Abuse Helpline: free and open 24 hours. The number follows on its own.'),
  'helpNow.callback': text('Link to the form where you ask the landlord to call you back at a safe time.'),
  'helpNow.notEmergency': text('Reminder that this website and its callback service are not an emergency service.'),
  'footer.accessibleLabel': text('Screen reader name of the footer links.'),
  'footer.coverTracks': text('Footer link to the page that explains how to cover your tracks online.'),
  'footer.about': text('Footer link to the page about this website.'),
  'footer.services': text("Footer link to the directory of specialist services."),
  'footer.easyRead': text("Footer link to the Easy Read pages (simple words and pictures)."),
  'footer.glossary': text("Footer link to the page that explains words and abbreviations."),
  'footer.privacy': text("Footer link to the privacy page."),
  'footer.accessibility': text("Footer link to the accessibility statement."),
  'services.title': text("Main heading of the services directory page."),
  'services.description': text("One sentence describing the services page, for search results."),
  'services.intro': text("Short text under the heading of the services page."),
  'services.byAndForExplained': text("Explains what a by-and-for service is, on the services page. In right-to-left languages keep a Latin \"LGBT+\" between U+2066 and U+2069 (a left-to-right isolate)."),
  'services.filtersTitle': text("Heading of the filter form on the services page."),
  'services.forLabel': text("Label of the menu that filters services by who they are for."),
  'services.typeLabel': text("Label of the menu that filters services by the kind of help."),
  'services.languageLabel': text("Label of the menu that filters services by language spoken."),
  'services.areaLabel': text("Label of the menu that filters services by the area they cover."),
  'services.any': text("First choice in each filter menu: no filter."),
  'services.areaNational': text("Area choice and label for services that cover the whole country."),
  'services.submit': text("Button that applies the filters."),
  'services.clear': text("Link that removes all filters."),
  'services.resultsTitle': text("Heading above the list of services. {{count}} is how many are shown."),
  'services.noMatch': text("Shown when no service matches all the choices."),
  'services.englishNotice': text("Notice above the services list when any service shown has words (name, description or hours) not yet translated into the reader's language, and so shown in English."),
  'services.helpInLanguageSpoken': text("Line on a service when the reader chose a language the service's own staff speak. {{language}} is that language's name in the reader's language; word it so the name can stand as it is, without a case ending."),
  'services.helpInLanguageInterpreter': text("Line on a service when the reader chose a language the service does not speak but can get an interpreter for (usually on the phone). {{language}} as in services.helpInLanguageSpoken."),
  'services.otherLanguagesField': text("Label on a service, before services.throughInterpreter: how it helps in languages its staff do not speak."),
  'services.throughInterpreter': text("After services.otherLanguagesField: the service gets an interpreter for you."),
  'services.localPartner': text("Badge on a service that works with the landlord in the local area."),
  'services.sample': text("Badge on a shipped example service that does not exist yet."),
  'services.byAndFor': text("Badge on a by-and-for service."),
  'services.forField': text("Label before the list of people a service is for."),
  'services.anyone': text("Shown when a service is open to anyone."),
  'services.typeField': text("Label before the kinds of help a service gives."),
  'services.languagesField': text("Label before the languages a service offers."),
  'services.areaField': text("Label before the area a service covers."),
  'services.phoneField': text("Label before a service's phone number."),
  'services.textField': text("Label before a number you can send a text message to."),
  'services.chatField': text("Label before a link to a service's live chat."),
  'services.chatLink': text("Text of the link to a service's live chat."),
  'services.websiteField': text("Label before a service's website."),
  'services.hoursField': text("Label before when a service is open."),
  'services.lastChecked': text("Date a person last checked a service's details. {{date}} is a formatted date."),
  'services.britishSignLanguage': text("Name of British Sign Language in a list of languages."),
  'services.forWomen': text("Audience: women."),
  'services.forMen': text("Audience: men."),
  'services.forLgbt': text("Audience: lesbian, gay, bisexual, trans and queer people. In right-to-left languages keep a Latin \"LGBT+\" between U+2066 and U+2069 (a left-to-right isolate), or the plus is drawn before it."),
  'services.forBlackAndMinoritised': text("Audience: Black and minoritised people."),
  'services.forDeafAndDisabled': text("Audience: Deaf and disabled people."),
  'services.forOlderPeople': text("Audience: older people."),
  'services.forYoungPeople': text("Audience: children and young people."),
  'services.forHonourBasedAbuse': text("Audience: people facing honour-based abuse or forced marriage."),
  'services.typeHelpline': text("Type of help: a phone helpline."),
  'services.typeRefuge': text("Type of help: a refuge (safe temporary home)."),
  'services.typeAdvocacy': text("Type of help: an advocate who supports you and speaks up for you."),
  'services.typeLegal': text("Type of help: legal advice."),
  'services.typePerpetratorProgramme': text("Type of help: a programme for people who want to stop being abusive."),
  'services.typeCounselling': text("Type of help: counselling or emotional support."),
  'footer.machineDraft': text('Notice on a page whose translation was drafted by a machine and not yet checked by a person.'),
  'guidance.fallbackNotice': text('Notice above a page shown in English because it is not translated yet. {{language}} is the reader\'s language, written in that language.'),
  'guidance.outdatedNotice': text('Notice above a translated page whose English version has changed since it was translated. {{link}} is a link whose text is guidance.outdatedLink.'),
  'guidance.outdatedLink': text('Link text, inside guidance.outdatedNotice, to the English version of the page.'),
  'guidance.fallbackTabTitle': text('Browser tab title of a page shown in English because it is not translated yet. {{title}} is the page\'s name, already translated.'),
  'guidance.fallbackTabTitleUnnamed': text('Browser tab title of a page shown in English, when the page has no translated name yet. Short: the site name follows it.'),
  'guidance.fallbackHelp': text('Under guidance.fallbackNotice on a page shown in English: offers help in the reader\'s own language. {{link}} is a link whose text is guidance.fallbackHelpLink.'),
  'guidance.fallbackHelpLink': text('Link text, inside guidance.fallbackHelp, to the form where the reader asks the landlord to call back; the call can be with an interpreter.'),
  'footer.campaigns': text('Footer link to the page listing awareness campaigns.'),
  'campaigns.title': text('Heading of the awareness campaigns page, and of the campaigns block on the home page.'),
  'campaigns.intro': text('One sentence under the campaigns page heading saying what the campaigns are.'),
  'campaigns.none': text('Shown on the campaigns page when there are no campaigns.'),
  'campaigns.seeAll': text('Link from the campaigns block on the home page to the page listing every campaign.'),
  'campaigns.inEnglish': text('Short label after a campaign title that is not translated yet and is shown in English.'),
  'page.lastReviewed': text('Date the page content was last checked. {{date}} is a formatted date.'),
  'page.discreetTitle': text('Neutral page title used when the landlord turns on discreet titles, so an open tab does not reveal the topic.'),
  'home.title': text('Main heading of the home page.'),
  'home.intro': text('One or two sentences under the home page heading saying who the site is for.'),
  'home.routesTitle': text('Heading above the four main routes on the home page.'),
  'home.adviceTitle': text("Heading above the list of advice pages on the home page."),
  'home.routeHelpNow': text('Route on the home page: get help now.'),
  'home.routeStaySafe': text('Route on the home page: stay safe in your home.'),
  'home.routeMove': text('Route on the home page: move somewhere safe.'),
  'home.routeCallback': text('Route on the home page: ask us to call you back.'),
  'notFound.title': text('Heading of the page shown when an address does not exist.'),
  'notFound.body': text('Text on the not-found page, pointing to the home page.'),
  'callbackPage.title': text('Main heading and title of the page where you ask for a callback.'),
  'callbackPage.errorTitle': text('Page title when the form has errors. {{title}} is the normal page title.'),
  'callbackPage.intro': text('Short text under the heading of the callback page.'),
  'callbackPage.safetyTitle': text('Heading of the safety block above the callback form.'),
  'callbackPage.safetyDanger': text(
    'Safety line. {{number}} is 999 and {{code}} is 55: press it only on a mobile (it does not share your location); on a landline stay on the line.',
  ),
  'callbackPage.safetyNotEmergency': text('Safety line: this callback service is not for emergencies.'),
  'callbackPage.safetyDevice': text('Safety line: use a phone or computer that nobody else uses.'),
  'callbackPage.safetyCallLog': text('Safety line: our call will appear in the list of calls on your phone.'),
  'callbackPage.safetyNeverTell': text(
    'Safety line: we never tell the abuser that the survivor contacted us. (We may still act against them, with the survivor, so never translate it as "we never contact them".)',
  ),
  'callbackPage.safetySharing': text('Safety line: we share only in the cases our privacy page lists. {{link}} is the link to that page (callbackPage.safetySharingLink).'),
  'callbackPage.safetySharingLink': text('Text of the link to the privacy page, inside callbackPage.safetySharing.'),
  'callbackForm.errorSummaryTitle': text('Heading of the box listing the problems with the form.'),
  'callbackForm.errorPrefixAccessibleLabel': text('Read by screen readers before each error message beside a field.'),
  'callbackForm.phoneLabel': text('Label of the phone number field.'),
  'callbackForm.phoneHint': text('Hint under the phone number label. The example is a made-up number.'),
  'callbackForm.methodLegend': text('Question: should we phone or send a text message?'),
  'callbackForm.methodCall': text('Answer: phone call.'),
  'callbackForm.methodText': text('Answer: text message.'),
  'callbackForm.safeTimeLegend': text('Question above the list of safe times.'),
  'callbackForm.safeTimeHint': text('Hint: choose every time that is safe; the times are UK time.'),
  'callbackForm.voicemailLegend': text('Question: may we leave a voicemail message if you do not answer?'),
  'callbackForm.sayWhoWeAreLegend': text('Question: may we say who we are when we call? {{name}} is the landlord\'s short name.'),
  'callbackForm.yes': text('Answer: yes.'),
  'callbackForm.no': text('Answer: no.'),
  'callbackForm.optionalTitle': text('Heading above the optional questions.'),
  'callbackForm.askForLabel': text('Label: a name or code name we should ask for when we call.'),
  'callbackForm.ifSomeoneElseLabel': text('Label: what we should do if another person answers the phone.'),
  'callbackForm.ifSomeoneElseHint': text('Hint with an example answer.'),
  'callbackForm.safeWordLabel': text('Label: a safe word.'),
  'callbackForm.safeWordHint': text('Hint explaining the safe word.'),
  'callbackForm.languageLabel': text('Label: which language the person wants to speak on the call.'),
  'callbackForm.interpreterLegend': text('Question: do you need an interpreter?'),
  'callbackForm.interpreterGenderLegend': text('Question: should the interpreter be a woman or a man?'),
  'callbackForm.interpreterGenderAny': text('Answer: no preference about the interpreter.'),
  'callbackForm.interpreterGenderFemale': text('Answer: a female interpreter.'),
  'callbackForm.interpreterGenderMale': text('Answer: a male interpreter.'),
  'callbackForm.accessLegend': text('Question: do you need any of these ways of communicating?'),
  'callbackForm.accessBsl': text('Access need: British Sign Language.'),
  'callbackForm.accessRelayUk': text('Access need: Relay UK, the text relay service. Keep the name Relay UK.'),
  'callbackForm.accessEasyRead': text('Access need: Easy Read documents.'),
  'callbackForm.topicsLegend': text('Question: what would you like to talk about?'),
  'callbackForm.topicSafeAtHome': text('Topic: staying safe in your home.'),
  'callbackForm.topicMoving': text('Topic: moving to another home.'),
  'callbackForm.topicMoney': text('Topic: money and rent.'),
  'callbackForm.topicChildren': text('Topic: children.'),
  'callbackForm.topicOther': text('Topic: something else.'),
  'callbackForm.messageLabel': text('Label of the short message box.'),
  'callbackForm.messageHint': text('Hint under the message box: length limit and a warning.'),
  'callbackForm.consentLegend': text('Heading of the consent question.'),
  'callbackForm.consentLabel': text('Checkbox: I agree you may contact me and keep what I send. {{name}} is the landlord\'s short name.'),
  'callbackForm.submit': text('Button that sends the form.'),
  'callbackForm.sending': text('Shown on the button while the form is being sent.'),
  'callbackForm.errorPhoneMissing': text('Error: no phone number.'),
  'callbackForm.errorPhoneInvalid': text('Error: the phone number is not a UK number.'),
  'callbackForm.errorMethod': text('Error: call or text not chosen.'),
  'callbackForm.errorSafeTime': text('Error: no safe time chosen.'),
  'callbackForm.errorSafeTimePassed': text('Error: a safe time the person ticked has passed, or is now less than an hour away, since the page was opened.'),
  'callbackForm.errorYesNo': text('Error: a yes or no question has no answer.'),
  'callbackForm.errorConsent': text('Error: the permission box is not ticked.'),
  'callbackForm.errorTooLong': text('Error: an answer is too long.'),
  'callbackForm.errorMessageTooLong': text('Error: the message is over 500 characters.'),
  'callbackForm.errorChoice': text('Error: an answer is not one of the choices.'),
  'callbackForm.errorExpired': text('Error: the form is out of date and must be sent again.'),
  'callbackForm.unavailable': text('Shown when saving failed. {{number}} is the free 24-hour helpline.'),
  'callbackForm.rateLimited': text('Shown when someone sent too many requests. {{minutes}} is a number of minutes.'),
  'callbackForm.refused': text('Shown when the request could not be accepted at all (wrong site or format).'),
  'callbackForm.changedAfterSending': text('Shown when a form already sent is sent again with different details: the first version was kept. Names the send button in quotes.'),
  'callbackSent.title': text('Heading and title of the page shown after a callback request is sent. Keep it neutral.'),
  'callbackSent.body': text('What happens next, after sending with JavaScript on. {{time}} (e.g. 11:00) on {{date}} (e.g. Monday 9 November) is when first contact is due: the end of one of the chosen safe times.'),
  'callbackSent.bodyGeneral': text('What happens next, on the page shown after sending without JavaScript, which must not show anything about the request.'),
  'callbackSent.promiseRule': text('The rule for when we contact someone, under bodyGeneral. {{date}} (e.g. Tuesday 3 December) is the last day of our usual promise. Keep both cases: some times by then, or all later.'),
  'callbackSent.reference': text('Shows the request\'s reference. {{reference}} looks like CB-7K3Q-9XPM.'),
  'callbackSent.noConfirmation': text('We never send an email or text to confirm.'),
  'footer.feedback': text("Footer link to the short anonymous survey where survivors tell us how we did."),
  'callbackSent.feedbackLink': text("Link on the page shown after a callback request is sent, to the short anonymous survey. Say that no name is needed."),
  'feedbackPage.title': text("Main heading and title of the short anonymous survey page (survivors tell us how we did)."),
  'feedbackPage.intro': text("Short text under the heading of the survey page: 3 short questions, about a minute."),
  'feedbackPage.anonymous': text("Plain statement on the survey page: we do not ask for your name, phone number or reference. Keep all three."),
  'feedbackPage.dontIdentify': text("Plain warning on the survey page: do not write anything that could show who you are."),
  'feedbackForm.easeLegend': text("Survey question: was it easy to ask us for help? Answered 1 to 5."),
  'feedbackForm.easeHint': text("Hint under the first question: what 1 and 5 mean. Keep the numbers 1 and 5."),
  'feedbackForm.calledSafelyLegend': text("Survey question: did we call you at a safe time?"),
  'feedbackForm.notCalledYet': text("Answer to 'did we call you at a safe time': we have not called yet."),
  'feedbackForm.listenedLegend': text("Survey question: did you feel listened to? Answered 1 to 5."),
  'feedbackForm.listenedHint': text("Hint under the listened-to question: what 1 and 5 mean. Keep the numbers 1 and 5."),
  'feedbackForm.commentLabel': text("Label of the optional free-text box at the end of the survey."),
  'feedbackForm.commentHint': text("Hint under the free-text box: 500 characters at most, and do not write anything that shows who you are. Keep 500."),
  'feedbackForm.charactersLeft': text("Live count under the free-text box. {{number}} is how many characters can still be typed (0 to 500). Written so it needs no plural forms."),
  'feedbackForm.charactersOver': text("Live count under the free-text box when too much is typed. {{number}} is how many characters too many. Written so it needs no plural forms."),
  'feedbackForm.submit': text("Button that sends the survey answers."),
  'feedbackForm.errorEase': text("Error when the first question (easy to ask for help, 1 to 5) has no answer."),
  'feedbackForm.errorCalledSafely': text("Error when the question 'did we call at a safe time' has no answer."),
  'feedbackForm.errorListened': text("Error when the question 'did you feel listened to' (1 to 5) has no answer."),
  'feedbackForm.unavailable': text("Shown when the answers could not be saved. Nothing was saved. {{number}} is the National Domestic Abuse Helpline, free, day or night."),
  'feedbackForm.refused': text("Shown when the answers were refused (for example sent from another website). Tell the person to go back to the survey and try again."),
  'feedbackSent.title': text("Heading and title after the survey is sent: thank you."),
  'feedbackSent.read': text("After sending: our domestic abuse team reads every answer."),
  'feedbackSent.counts': text("After sending: we also count the scores (the 1 to 5 answers and yes/no), with everyone else's, and the counts do not show who gave them."),
  'feedbackSent.sealed': text("After sending: what you wrote in the box is sealed (locked with a code) so only our domestic abuse team can open it."),
  'feedbackSent.help': text("After sending: offers the helpline. {{number}} is the National Domestic Abuse Helpline, free, day or night."),
  'promise.firstContact': plural(
    'Fills {{firstContact}} in guidance pages: how many working days (Monday to Friday, not bank holidays) we take to make first contact. {{count}} is 1 to 10. Only the number of days, no "within". It follows "within" / "in the next" in the pages, so use the form that reads right there (Polish: genitive, as after "w ciągu"; Ukrainian: accusative, as after "через": 1 робочий день, 2 робочі дні, 5 робочих днів).',
  ),
  'promise.regularContact.weekly': text('Fills {{regularContact}} in guidance pages when we keep in touch once a week, as in "We keep in touch every week". Only the how-often phrase.'),
  'promise.regularContact.fortnightly': text('Fills {{regularContact}} in guidance pages when we keep in touch once every 2 weeks. Only the how-often phrase; keep the 2 as a number.'),
  'promise.regularContact.monthly': text('Fills {{regularContact}} in guidance pages when we keep in touch once a month. Only the how-often phrase.'),
});

type Declarations = typeof uiKeys;

/** Keys of plain strings, used as they are: t('skipLink.label'). */
export type UiKey = { [K in keyof Declarations]: Declarations[K] extends PluralText ? never : K }[keyof Declarations];

/** Keys of plural strings, used with a count: t('quickExit.pressesLeft', { count }). */
export type PluralUiKey = Exclude<keyof Declarations, UiKey>;

// English is the source language, and needs only these two forms (a unit test checks this).
type SourcePluralForm = 'one' | 'other';

/** The shape of the source (English) UI strings; i18next's types check t() calls against it. */
export type UiStrings = { [K in UiKey]: string } & { [K in PluralUiKey as `${K}_${SourcePluralForm}`]: string };

/** One language's UI strings: every plain key, plus its own plural forms. */
export type LocaleStrings = { [K in UiKey]: string } & Record<string, string>;

/** The plural forms a language needs, named as i18next suffixes them ("one", "few", …). */
export function pluralForms(lang: string): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
}

/** The schema one language's file must match: every plain key, and each plural key in exactly its forms. */
export function uiSchemaFor(lang: string) {
  const shape: Record<string, z.ZodString> = {};
  for (const [key, declaration] of Object.entries(uiKeys)) {
    if ('plural' in declaration) {
      for (const form of pluralForms(lang)) shape[`${key}_${form}`] = declaration.plural;
    } else {
      shape[key] = declaration;
    }
  }
  return z.strictObject(shape);
}
