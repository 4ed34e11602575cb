import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedFiles, contentManifest } from '../../../src/content/content-manifest.ts';
import { previewAddress } from '../../../src/editor/editor-api.ts';
import { buildFailureReasons, contentProblems } from '../../../src/editor/publish.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function contentFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'publish-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const campaign = (title: string, end: string, body: string, record = '') =>
  `---\ntitle: ${title}\nsummary: A campaign.\nstart: 2026-12-01\nend: ${end}\nlastReviewed: 2026-12-01\n${record}---\n${body}\n`;

describe('what a refused publish says', () => {
  it('names the file, line and field of a date in another form, and says what to write', () => {
    const root = contentFolder({ 'campaigns/en/winter.md': campaign('Winter', '05/01/2027', 'Call 999.') });
    expect(contentProblems(root)).toEqual([
      expect.stringMatching(/^src\/content\/campaigns\/en\/winter\.md, line 5: end is "05\/01\/2027".*year-month-day, for example 2026-12-15/),
    ]);
  });

  it('says a translation has no English page, and that a translation dropped a number', () => {
    const root = contentFolder({
      'campaigns/en/winter.md': campaign('Winter', '2027-01-31', 'In an emergency, call 999.'),
      'campaigns/pl/winter.md': campaign('Zima', '2027-01-31', 'W nagłym wypadku zadzwoń na policję.', `translation:\n  of: winter\n  sourceHash: ${'a'.repeat(64)}\n  machineDrafted: true\n`),
      'campaigns/ur/summer.md': campaign('گرمی', '2027-01-31', 'کال کریں۔'),
    });
    const problems = contentProblems(root).join('\n');
    expect(problems).toContain('src/content/campaigns/ur/summer.md has no English page src/content/campaigns/en/summer.md, so it is never published.');
    expect(problems).toMatch(/campaigns\/pl\/winter\.md:\d+: .*999/);
  });

  it('turns a failed build’s output into its error lines, without colours or times', () => {
    const output = '10:01:02 [build] Building\n\u001b[31m10:01:03 [ERROR] [content] src/content/campaigns/en/x.md, line 4: title is empty: write it in.\u001b[39m\nstack…\n';
    expect(buildFailureReasons(output)).toEqual(['src/content/campaigns/en/x.md, line 4: title is empty: write it in.']);
    expect(buildFailureReasons('Killed\n')).toEqual(['The site could not be built. Nothing was published; ask a developer to look at the server log.']);
  });
});

describe('what a publish changed', () => {
  it('lists files added, changed and deleted since the live build, but not the staff guide', () => {
    const before = contentManifest(contentFolder({ 'campaigns/en/a.md': 'A', 'campaigns/en/b.md': 'B', 'README.md': 'guide' }));
    const after = contentManifest(contentFolder({ 'campaigns/en/a.md': 'A', 'campaigns/en/b.md': 'B2', 'campaigns/pl/b.md': 'B', 'README.md': 'new guide' }));
    expect(changedFiles(before, after)).toEqual(['src/content/campaigns/en/b.md', 'src/content/campaigns/pl/b.md']);
    expect(changedFiles(after, {})).toHaveLength(3);
  });

  it('previews a changed page at its address in the build, and nothing for other files', () => {
    expect(previewAddress('build-1', 'src/content/campaigns/ur/winter.md')).toBe('/staff/preview/build-1/ur/campaigns/winter/');
    expect(previewAddress('build-1', 'src/content/guidance/pl/help-now.md')).toBe('/staff/preview/build-1/pl/help-now/');
    expect(previewAddress('build-1', 'src/content/organisation.yaml')).toBeUndefined();
  });
});
