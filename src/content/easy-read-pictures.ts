/**
 * Simple pictures for Easy Read pages, drawn inline so nothing is fetched from anywhere. In Markdown,
 * `![](picture:phone)` at the start of a list item puts the picture beside its sentence. The pictures
 * are decorative (aria-hidden): the sentence beside each one says everything the picture shows.
 * Presentation attributes only: the Content-Security-Policy allows no style="" attributes.
 */
const line = 'fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"';

export const easyReadPictures: Record<string, string> = {
  // A mobile phone.
  phone: `<rect x="20" y="6" width="24" height="52" rx="4" ${line}/><path d="M28 50h8" ${line}/>`,
  // A phone with a finger pressing a key: the Silent Solution.
  silent: `<rect x="12" y="6" width="24" height="52" rx="4" ${line}/><path d="M18 20h12M18 28h12M18 36h12" ${line}/><path d="M44 54V34a4 4 0 0 1 8 0v20" ${line}/>`,
  // A speech bubble: talking to someone.
  talk: `<path d="M8 12h48v30H28l-12 10V42H8z" ${line}/><path d="M18 24h28M18 32h18" ${line}/>`,
  // A hand making a sign: British Sign Language.
  sign: `<path d="M20 58V30l-6-10a4 4 0 0 1 7-4l7 10V10a4 4 0 0 1 8 0v18V8a4 4 0 0 1 8 0v20V14a4 4 0 0 1 8 0v28c0 10-6 16-16 16z" ${line}/>`,
  // A pharmacy cross.
  pharmacy: `<path d="M24 6h16v18h18v16H40v18H24V40H6V24h18z" ${line}/>`,
  // A clock: a time that is safe.
  clock: `<circle cx="32" cy="32" r="26" ${line}/><path d="M32 16v16l10 8" ${line}/>`,
  // A form with lines: filling in a request.
  form: `<rect x="12" y="6" width="40" height="52" rx="3" ${line}/><path d="M20 18h24M20 28h24M20 38h14" ${line}/><path d="M22 48l5 5 10-10" ${line}/>`,
  // A house.
  home: `<path d="M8 30 32 8l24 22" ${line}/><path d="M14 26v30h36V26" ${line}/><path d="M27 56V40h10v16" ${line}/>`,
  // A padlock: stronger locks.
  lock: `<rect x="12" y="28" width="40" height="30" rx="4" ${line}/><path d="M20 28V20a12 12 0 0 1 24 0v8" ${line}/><circle cx="32" cy="42" r="4" ${line}/>`,
  // A shield: being kept safe.
  shield: `<path d="M32 6 10 14v16c0 14 10 24 22 28 12-4 22-14 22-28V14z" ${line}/><path d="M22 32l7 7 13-14" ${line}/>`,
  // A house with an arrow: moving home.
  move: `<path d="M4 32 20 18l16 14" ${line}/><path d="M8 30v22h24V30" ${line}/><path d="M40 36h20M52 28l8 8-8 8" ${line}/>`,
  // A key: a new home of your own.
  key: `<circle cx="20" cy="32" r="12" ${line}/><path d="M32 32h26M50 32v10M58 32v8" ${line}/>`,
  // Two people: someone to help you.
  people: `<circle cx="22" cy="18" r="8" ${line}/><circle cx="44" cy="22" r="7" ${line}/><path d="M8 56c0-12 6-20 14-20s14 8 14 20M34 56c0-10 4-18 10-18s12 8 12 18" ${line}/>`,
  // A police light.
  police: `<path d="M16 48h32V30a16 16 0 0 0-32 0z" ${line}/><path d="M10 56h44M32 4v6M10 14l4 4M54 14l-4 4" ${line}/>`,
  // A closed envelope with a cross: we will not leave a message.
  noMessage: `<rect x="6" y="14" width="52" height="36" rx="3" ${line}/><path d="M6 16l26 18 26-18" ${line}/><path d="M44 40l14 14M58 40 44 54" ${line}/>`,
};

/** The inline SVG for a named picture, or undefined when there is no such picture. */
export function easyReadPicture(name: string): string | undefined {
  const body = easyReadPictures[name];
  return body && `<svg class="easy-read-picture" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">${body}</svg>`;
}
