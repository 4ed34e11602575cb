import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceHash } from '../../../src/content/content-files.ts';
import { contentErrors } from '../../../src/content/content-errors.ts';
import { englishChanges, englishSource, markReviewed, startTranslation, translationOverview } from '../../../src/editor/translate.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function folder(files: Record<string, string>): { content: string; sources: string } {
  const root = mkdtempSync(join(tmpdir(), 'translate-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  return { content: join(root, 'content'), sources: join(root, 'sources') };
}
const english = '---\ntitle: "Winter: stay safe"\nsummary: Help all winter.\nstart: 2026-12-01\nend: 2027-01-31\nlastReviewed: 2026-12-01\n---\nCall 999.\n';

describe('translating from the editor', () => {
  it('creates the translation in the build’s format, with its record filled in and no reviewer', () => {
    const { content, sources } = folder({ 'campaigns/en/winter.md': english });
    expect(startTranslation(content, sources, 'campaigns', 'winter', 'pl')).toBe('src/content/campaigns/pl/winter.md');
    const written = readFileSync(join(content, 'campaigns/pl/winter.md'), 'utf8');
    expect(written).toBe(
      `---\ntitle: "Winter: stay safe"\nsummary: Help all winter.\nstart: 2026-12-01\nend: 2027-01-31\nlastReviewed: 2026-12-01\ntranslation:\n  of: winter\n  sourceHash: ${sourceHash(english)}\n  machineDrafted: true\n---\nCall 999.\n`,
    );
    expect(contentErrors(content)).toEqual([]);
    expect(translationOverview(content)[0]!.languages.find((l) => l.lang === 'pl')!.state).toBe('machine-drafted');
  });

  it('refuses in one sentence: a translation that exists, an unknown language, a missing English page', () => {
    const { content, sources } = folder({ 'campaigns/en/winter.md': english });
    startTranslation(content, sources, 'campaigns', 'winter', 'pl');
    expect(() => startTranslation(content, sources, 'campaigns', 'winter', 'pl')).toThrow('The Polish page campaigns/pl/winter.md exists already: open it in the editor.');
    expect(() => startTranslation(content, sources, 'campaigns', 'winter', 'xx')).toThrow('"xx" is not one of the site\'s languages.');
    expect(() => startTranslation(content, sources, 'campaigns', 'spring', 'pl')).toThrow('There is no English page campaigns/en/spring.md to translate.');
  });

  it('gives the translating view the English title, summary and text, once the translation exists', () => {
    const { content, sources } = folder({ 'campaigns/en/winter.md': english });
    expect(() => englishSource(content, 'campaigns', 'winter', 'pl')).toThrow('There is no Polish page campaigns/pl/winter.md yet: use “Translate into Polish” on the publish page first.');
    startTranslation(content, sources, 'campaigns', 'winter', 'pl');
    expect(englishSource(content, 'campaigns', 'winter', 'pl')).toEqual({ title: 'Winter: stay safe', summary: 'Help all winter.', body: 'Call 999.' });
    expect(() => englishSource(content, 'campaigns', 'winter', 'en')).toThrow('English is the language pages are translated from.');
    expect(() => englishSource(content, 'campaigns', '../x', 'pl')).toThrow('"../x" is not a page\'s file name.');
  });

  it('shows what changed in the English since, and marking reviewed records who, when and this English', () => {
    const { content, sources } = folder({ 'campaigns/en/winter.md': english });
    startTranslation(content, sources, 'campaigns', 'winter', 'ur');
    const changed = english.replace('Call 999.', 'Call 999. We answer on bank holidays.');
    writeFileSync(join(content, 'campaigns/en/winter.md'), changed);
    expect(translationOverview(content)[0]!.languages.find((l) => l.lang === 'ur')!.state).toBe('outdated');
    const parts = englishChanges(content, content, sources, 'campaigns', 'winter', 'ur')!;
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['Call 999.\n']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['Call 999. We answer on bank holidays.\n']);

    markReviewed(content, sources, 'campaigns', 'winter', 'ur', 'Pat Publisher', '2026-12-02');
    expect(readFileSync(join(content, 'campaigns/ur/winter.md'), 'utf8')).toContain(
      `translation:\n  of: winter\n  sourceHash: ${sourceHash(changed)}\n  machineDrafted: false\n  reviewedBy: Pat Publisher\n  reviewedOn: 2026-12-02\n---\n`,
    );
    expect(translationOverview(content)[0]!.languages.find((l) => l.lang === 'ur')).toEqual({ lang: 'ur', state: 'reviewed', reviewedBy: 'Pat Publisher', reviewedOn: '2026-12-02' });
    expect(contentErrors(content)).toEqual([]);
  });

  it('says the changes cannot be shown when the English it was made from is kept nowhere', () => {
    const { content, sources } = folder({
      'campaigns/en/winter.md': english,
      'campaigns/pl/winter.md': english.replace('---\nCall', `translation:\n  of: winter\n  sourceHash: ${'b'.repeat(64)}\n  machineDrafted: true\n---\nCall`),
    });
    expect(englishChanges(content, content, sources, 'campaigns', 'winter', 'pl')).toBeUndefined();
  });
});
