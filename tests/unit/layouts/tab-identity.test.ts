import { describe, expect, it } from 'vitest';
import { tabIdentity } from '../../../src/layouts/tab-identity.ts';

const page = {
  title: 'Domestic abuse: stay safe in your home',
  description: 'What to do if someone at home hurts you.',
  siteName: 'Example Homes',
  neutralTitle: 'Help and advice',
};

describe('tabIdentity', () => {
  it('describes the page when discreet titles are off (WCAG 2.4.2)', () => {
    expect(tabIdentity({ ...page, discreet: false })).toEqual({
      title: 'Domestic abuse: stay safe in your home – Example Homes',
      favicon: '/favicon.svg',
      description: 'What to do if someone at home hurts you.',
    });
  });

  it('gives every page the same neutral title and icon, and no description, when they are on', () => {
    const identity = tabIdentity({ ...page, discreet: true });
    expect(identity).toEqual({ title: 'Help and advice – Example Homes', favicon: '/favicon-neutral.svg' });
    expect(JSON.stringify(identity)).not.toMatch(/abuse|safe/i);
    expect(tabIdentity({ ...page, title: 'Cover your tracks', discreet: true })).toEqual(identity);
  });
});
