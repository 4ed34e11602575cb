import { readdirSync, readFileSync } from 'node:fs';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { callbackFields, type CallbackField } from '../../../src/callback/schema.ts';
import { sourceHash } from '../../../src/content/content-files.ts';
import { feedbackFields, type FeedbackField } from '../../../src/feedback/schema.ts';
import { readServiceFiles } from '../../../src/content/service-files.ts';
import { parseOrganisation, type Organisation } from '../../../src/content/organisation-schema.ts';
import { placeholdersPlugin } from '../../../src/content/placeholders-plugin.ts';
import { phoneLinksPlugin } from '../../../src/content/phone-links-plugin.mjs';

/**
 * The facts in shared/FACTS.md, held by the content itself: each test reads the real Markdown, services
 * and UI strings, so a page that drifts from a fact (or promises more than organisation.yaml says)
 * fails here before it reaches a resident.
 */

const shipped = parseOrganisation(readFileSync('src/content/organisation.yaml', 'utf8'));
const withChanges = (change: (org: Organisation) => void): Organisation => {
  const copy = structuredClone(shipped);
  change(copy);
  return copy;
};
const body = (path: string) => readFileSync(path, 'utf8').replace(/^---[\s\S]*?---/, '');
// One plugin per profile: making it reads and checks every language's UI strings.
const plugins = new WeakMap<typeof shipped, ReturnType<typeof placeholdersPlugin>>();
const pluginFor = (org: typeof shipped) => plugins.get(org) ?? plugins.set(org, placeholdersPlugin(org)).get(org)!;
const render = (path: string, org = shipped) => markdownToHtml(body(path), { hastPlugins: [pluginFor(org), phoneLinksPlugin] }).html;
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/** Every Markdown page of every language: guidance and campaigns. */
const everyPage = ['guidance', 'campaigns'].flatMap((collection) =>
  readdirSync(`src/content/${collection}`).flatMap((lang) =>
    readdirSync(`src/content/${collection}/${lang}`).map((file) => `src/content/${collection}/${lang}/${file}`),
  ),
);
const english = readdirSync('src/content/guidance/en').map((file) => `src/content/guidance/en/${file}`);
const englishUi = JSON.parse(readFileSync('locales/en.json', 'utf8')) as Record<string, string>;
const everyUi = readdirSync('locales').filter((file) => file.endsWith('.json')).map((file) => ({ file, strings: JSON.parse(readFileSync(`locales/${file}`, 'utf8')) as Record<string, string> }));
const services = readServiceFiles('src/content/services');

/** Each paragraph and list item, as HTML (with its tel: links) and as plain text. */
const blocks = (html: string) => [...html.matchAll(/<(p|li)>([\s\S]*?)<\/\1>/g)].map((m) => ({ html: m[2]!, text: plain(m[2]!) }));
/** The page cut at each h2 and h3: a heading with everything under it. */
const sections = (html: string) => html.split(/(?=<h[23][\s>])/).map((part) => ({ html: part, text: plain(part) }));

describe('translations carry the facts of their English page', () => {
  const current = everyPage.filter((path) => !path.includes('/en/'));
  /** What a translation must keep: phone links, links within the site (as English paths) and placeholders. */
  const kept = (path: string) => {
    const markdown = body(path);
    return [
      ...[...markdown.matchAll(/\]\((tel:[^)]+)\)/g)].map((m) => m[1]!),
      ...[...markdown.matchAll(/\]\(\/[a-z]{2}(\/[^)]*)\)/g)].map((m) => `link ${m[1]}`),
      ...[...markdown.matchAll(/\{\{[^}]+\}\}/g)].map((m) => m[0]),
    ].sort();
  };

  it('every up-to-date translation keeps every number, link and placeholder of the English it was made from', () => {
    expect(current.length).toBeGreaterThan(0);
    for (const path of current) {
      const source = path.replace(/\/[a-z]{2}\/([^/]+)$/, '/en/$1');
      const record = /sourceHash: ([0-9a-f]{64})/.exec(readFileSync(path, 'utf8'))?.[1];
      if (record !== sourceHash(readFileSync(source))) continue; // outdated: content:status lists it
      expect(kept(path), path).toEqual(kept(source));
    }
  });
});

describe('Relay UK: 18000 is for emergencies only; other calls are 18001 then the full number', () => {
  it('every paragraph or list item, in every language, that gives 18000 also gives 18001', () => {
    const bad: string[] = [];
    for (const path of everyPage) {
      for (const block of blocks(render(path))) {
        if (block.text.includes('18000') && !block.text.includes('18001')) bad.push(`${path}: "${block.text.slice(0, 100)}"`);
      }
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('every 18000 on every page is the emergency link itself, never a bare number', () => {
    for (const path of everyPage) expect(body(path).replaceAll('[18000](tel:18000)', ''), path).not.toContain('18000');
  });

  it('no UI string in any language offers 18000', () => {
    for (const { file, strings } of everyUi) {
      for (const [key, value] of Object.entries(strings)) expect(value, `${file} ${key}`).not.toContain('18000');
    }
  });

  it('the directory shows 18000 only with the words that it is for emergencies and that other calls use 18001', () => {
    for (const service of services.filter((s) => s.phone?.replace(/\s/g, '') === '18000')) {
      expect(service.description, service.id).toMatch(/emergenc/i);
      expect(service.description, service.id).toContain('18001');
    }
    expect(services.some((s) => s.id === 'relay-uk')).toBe(true);
  });
});

describe('the Forced Marriage Unit is a London number, never listed as free', () => {
  const fmu = 'tel:02070080151';
  const freephone = /tel:080[08]/;

  it('in every language, no list that holds the FMU also holds a freephone (0800, 0808) number', () => {
    for (const path of everyPage) {
      for (const list of render(path).match(/<ul>[\s\S]*?<\/ul>/g) ?? []) {
        if (list.includes(fmu)) expect(list, `${path}: FMU listed beside free lines`).not.toMatch(freephone);
      }
    }
  });

  it('in English, the FMU never sits under "these calls are free", and each mention says it is not free', () => {
    for (const path of english) {
      const html = render(path);
      for (const section of sections(html).filter((s) => s.html.includes(fmu))) {
        expect(section.text, path).not.toMatch(/calls are free|free helplines/i);
      }
      for (const block of blocks(html).filter((b) => b.html.includes(fmu))) {
        expect(block.text, path).toMatch(/not a free|not freephone|normal call/i);
      }
    }
    const unit = services.find((s) => s.id === 'forced-marriage-unit')!;
    expect(unit.description).toMatch(/not a free/);
  });
});

describe('the Silent Solution: 55 only from a mobile, stay on the line from a landline, no location shared', () => {
  it('every English section that mentions pressing 55 says all three', () => {
    for (const path of english) {
      for (const section of sections(render(path)).filter((s) => /\b55\b/.test(s.text))) {
        expect(section.text, path).toMatch(/mobile/i);
        expect(section.text, path).toMatch(/landline/i);
        expect(section.text, path).toMatch(/(does not|not) tell (the police|them) where you are/i);
      }
    }
  });

  it('every English UI string with the 55 code says mobile and landline', () => {
    const withCode = Object.entries(englishUi).filter(([, value]) => value.includes('{{code}}'));
    expect(withCode.length).toBeGreaterThanOrEqual(2);
    for (const [key, value] of withCode) {
      expect(value, key).toMatch(/mobile/);
      expect(value, key).toMatch(/landline, stay on the line/);
      expect(value, key).toMatch(/does not tell them where you are/);
    }
  });
});

describe('the National Domestic Abuse Helpline: phone 24 hours; live chat and BSL at set times', () => {
  const sentences = (text: string) => text.split(/(?<=[.!?])\s+/);
  const roundTheClock = /(?<!not )(24 hours|day and night|day or night)/i;

  it('no English sentence, directory entry or UI string puts live chat beside "24 hours" or "day and night"', () => {
    const texts = [
      ...english.map((path) => ({ where: path, text: plain(render(path)) })),
      ...services.flatMap((s) => [s.description, s.hours ?? ''].map((text) => ({ where: s.id, text }))),
      ...Object.entries(englishUi).map(([key, text]) => ({ where: key, text })),
    ];
    for (const { where, text } of texts) {
      for (const sentence of sentences(text).filter((s) => /chat/i.test(s))) expect(sentence, where).not.toMatch(roundTheClock);
    }
  });

  it('stays marked unverified until staff confirm the chat and BSL hours', () => {
    const helpline = services.find((s) => s.id === 'national-domestic-abuse-helpline')!;
    expect(helpline.verified).toBe(false);
    expect(helpline.hours).toMatch(/set times/);
  });
});

describe('tenancies and homelessness', () => {
  it('never calls a lifetime tenancy "a secure tenancy", and states s.79 for councils and existing lifetime tenants only', () => {
    for (const path of english) {
      const html = render(path);
      expect(plain(html), path).not.toMatch(/also called a secure tenancy/i);
      for (const section of sections(html).filter((s) => /section 79/i.test(s.text))) {
        expect(section.text, path).toMatch(/council/);
        expect(section.text, path).toMatch(/already have a lifetime tenancy/);
        expect(section.text, path).toMatch(/does not apply to housing associations/);
        expect(section.text, path).toMatch(/not been brought in/);
      }
    }
    expect(readFileSync('src/content/guidance/en/moving-home.md', 'utf8')).toMatch(/verified: false/);
  });

  it('says what the landlord gives from lifetimeTenancies, with its conditions', () => {
    const easyRead = 'src/content/guidance/en/easy-read-moving-home.md';
    expect(plain(render(easyRead))).toMatch(/lifetime tenancy\. You can stay in that home for life, if you keep to the tenancy rules/);
    expect(plain(render(easyRead, withChanges((o) => void (o.lifetimeTenancies = false))))).not.toMatch(/lifetime tenancy/);
  });

  it('every mention of priority need says it depends on eligibility', () => {
    for (const path of english) {
      for (const section of sections(render(path)).filter((s) => /priority need/i.test(s.text))) {
        expect(section.text, path).toMatch(/eligible/);
        expect(section.text, path).toMatch(/recourse to public funds/);
      }
    }
  });
});

describe('promises come from organisation.yaml', () => {
  const sharingPhrases: Record<keyof Organisation['sharing'], RegExp> = {
    withConsent: /when you say we can/,
    seriousRisk: /serious risk of harm/,
    childSafeguarding: /protect a child/,
    lawRequires: /the law says we must/,
    crimesToPolice: /report it to the police/,
    partnerAgencies: /partner services/,
  };
  const sharingPages = ['src/content/guidance/en/privacy.md', 'src/content/guidance/en/how-we-can-help.md'];
  const cases = Object.keys(sharingPhrases) as (keyof Organisation['sharing'])[];

  it('the sharing list names exactly the cases organisation.yaml allows, on every page that lists them', () => {
    for (const only of cases) {
      const org = withChanges((o) => {
        for (const name of cases) o.sharing[name] = name === only;
      });
      for (const path of sharingPages) {
        const text = plain(render(path, org));
        for (const name of cases) {
          if (name === only) expect(text, `${path} with only ${only}`).toMatch(sharingPhrases[name]);
          else expect(text, `${path} with only ${only}`).not.toMatch(sharingPhrases[name]);
        }
        expect(text, path).toMatch(/we write down why/);
      }
    }
  });

  it('no page or UI string promises a fixed list of sharing cases of its own', () => {
    const org = withChanges((o) => {
      for (const name of cases) o.sharing[name] = false;
    });
    for (const path of english) {
      const text = plain(render(path, org));
      for (const name of cases) expect(text, `${path}: ${name} without its flag`).not.toMatch(sharingPhrases[name]);
      expect(text, path).not.toMatch(/life is at risk/);
    }
    for (const [key, value] of Object.entries(englishUi)) expect(value, key).not.toMatch(/share information only with|life is at risk/i);
  });

  it('never promises not to contact the person harming you: only that we will never tell them', () => {
    for (const path of english) expect(plain(render(path)), path).not.toMatch(/never contact/i);
    for (const [key, value] of Object.entries(englishUi)) expect(value, key).not.toMatch(/never contact/i);
    expect(englishUi['callbackPage.safetyNeverTell']).toBe('We will never tell the person harming you that you contacted us.');
  });

  it('sanctuary measures vanish from every page when sanctuaryScheme is off', () => {
    const measures = /stronger doors|window locks|alarm|safe room|sanctuary scheme/i;
    const off = withChanges((o) => void (o.promises.sanctuaryScheme = false));
    // The glossary defines the words; it promises nothing.
    for (const path of english.filter((p) => !p.endsWith('/glossary.md'))) expect(plain(render(path, off)), path).not.toMatch(measures);
    expect(plain(render('src/content/guidance/en/staying-in-your-home.md'))).toMatch(measures);
  });

  it('the money page promises a plan only when abuseArrearsPlan is on', () => {
    const page = 'src/content/guidance/en/money-and-your-tenancy.md';
    expect(plain(render(page))).toMatch(/not treat this as your fault/);
    const off = plain(render(page, withChanges((o) => void (o.promises.abuseArrearsPlan = false))));
    expect(off).not.toMatch(/your fault|a plan you can manage/);
    expect(off).toMatch(/Shelter/);
  });
});

describe('rights, complaints and privacy', () => {
  const privacy = 'src/content/guidance/en/privacy.md';
  // Every field the callback form sends, as the privacy notice names it. A new field fails type-checking here.
  const fieldPhrases: Record<CallbackField, RegExp> = {
    phone: /phone number that is safe to call/,
    method: /call you or send a text/,
    safeTime: /times when it is safe/,
    voicemail: /leave a voicemail/,
    sayWhoWeAre: /say who we are/,
    consent: /your permission/,
    askFor: /name or code name/,
    ifSomeoneElseAnswers: /if someone else answers/,
    safeWord: /safe word/,
    language: /which language you would like to speak/,
    interpreter: /need an interpreter/,
    interpreterGender: /female or male interpreter/,
    access: /British Sign Language \(BSL\), Relay UK or Easy Read/,
    topics: /what you would like to talk about/,
    message: /anything else you want us to know/,
    submissionToken: /one-time code/,
  };

  it('the privacy notice names every field the form collects', () => {
    const text = plain(render(privacy));
    expect(Object.keys(fieldPhrases).sort()).toEqual([...callbackFields].sort());
    for (const field of callbackFields) expect(text, field).toMatch(fieldPhrases[field]);
  });

  // Every field the feedback survey sends, as the privacy notice names it. A new field fails type-checking here.
  const feedbackPhrases: Record<FeedbackField, RegExp> = {
    easeOfAsking: /if it was easy to ask us for help \(from 1 to 5\)/,
    calledSafely: /if we called you at a safe time/,
    listenedTo: /if you felt listened to \(from 1 to 5\)/,
    comment: /anything else you choose to write/,
  };

  it('the privacy notice names every field the feedback survey collects, and what is kept of it', () => {
    const text = plain(render(privacy));
    expect(Object.keys(feedbackPhrases).sort()).toEqual([...feedbackFields].sort());
    for (const field of feedbackFields) expect(text, field).toMatch(feedbackPhrases[field]);
    expect(text).toMatch(/We do not ask for your name, your number or your reference/);
    expect(text).toMatch(/never what you wrote, as counts for each day/);
    expect(render(privacy)).toContain('href="/en/feedback/"');
  });

  it('says what is kept unsealed, the lawful basis, how long (from organisation.yaml) and the right to complain to the ICO', () => {
    const text = plain(render(privacy, withChanges((o) => void (o.retentionDays = 45))));
    for (const unsealed of [/reference/, /language of the website/, /when you sent it/, /by when we must first contact you/, /new, being handled/, /who on our team did what/, /whether you asked for an interpreter, British Sign Language \(BSL\), Relay UK or Easy Read\. We keep only yes or no for each/]) {
      expect(text).toMatch(unsealed);
    }
    expect(text).toMatch(/lawful basis/);
    expect(text).toMatch(/We delete it 45 days after we close your case/);
    expect(text).toMatch(/We delete your answers to our short questions 45 days after you send them\. This includes anything you wrote\./);
    expect(text).toMatch(/Information Commissioner's Office/);
    expect(render(privacy)).toContain('href="tel:03031231113"');
    expect(text).toContain('ico.org.uk');
  });

  it('the complaints page names the Housing Ombudsman and both stages of the Complaint Handling Code', () => {
    const html = render('src/content/guidance/en/feedback-and-complaints.md');
    const text = plain(html);
    expect(html).toContain('href="tel:03001113000"');
    expect(text).toMatch(/Housing Ombudsman/);
    expect(text).toMatch(/Stage 1\. We tell you we have your complaint within 5 working days\. We give you our answer within 10 working days/);
    expect(text).toMatch(/Stage 2\.[^.]*\. We tell you we have your request within 5 working days\. We give you our final answer within 20 working days/);
  });
});

describe('traces: the site says exactly what a visit leaves', () => {
  const tracePages = ['src/content/guidance/en/about.md', 'src/content/guidance/en/cover-your-tracks.md'];

  it('no page or UI string says a visit takes "one place" in the history, or that nobody else can see it', () => {
    for (const path of english) {
      const text = plain(render(path));
      expect(text, path).not.toMatch(/one place in your (browser )?history|no other company can see|no trace/i);
    }
    for (const [key, value] of Object.entries(englishUi)) expect(value, key).not.toMatch(/one place in your|no trace/i);
  });

  it('the about and cover-your-tracks pages say what Chromium keeps, what Firefox and Safari may keep, and who else can see a visit', () => {
    for (const path of tracePages) {
      const text = plain(render(path));
      expect(text, path).toMatch(/Chromium/);
      expect(text, path).toMatch(/keeps the address of every page/);
      expect(text, path).toMatch(/address bar/);
      expect(text, path).toMatch(/Firefox and Safari|Firefox[\s\S]*Safari/);
      expect(readFileSync(path, 'utf8'), path).toMatch(/verified: false/);
    }
    const about = plain(render('src/content/guidance/en/about.md'));
    expect(about).toMatch(/internet provider/);
    expect(about).toMatch(/wifi/);
    expect(about).toMatch(/DNS/);
  });
});
