/**
 * The fixed choices of a service entry, on their own (no node: imports) so the browser's editor
 * (src/editor/keystatic-config.ts) offers exactly the values service-schema.ts accepts.
 */

/** Who a service is for. A service with none listed is open to anyone. */
export const audiences = [
  'women',
  'men',
  'lgbt',
  'black-and-minoritised',
  'deaf-and-disabled',
  'older-people',
  'young-people',
  'honour-based-abuse',
] as const;

/** What kind of help a service gives. */
export const serviceTypes = ['helpline', 'refuge', 'advocacy', 'legal', 'perpetrator-programme', 'counselling'] as const;
