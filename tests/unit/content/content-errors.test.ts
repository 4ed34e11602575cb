import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentErrors } from '../../../src/content/content-errors.ts';
import { contentErrorsCheck } from '../../../src/content/content-errors-integration.ts';
import { campaignSchema } from '../../../src/content/page-schemas.ts';
import { translationState } from '../../../src/content/translation-status.ts';

// Each test writes the few files it needs into a folder of its own, laid out like src/content.
const roots: string[] = [];
function contentFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'content-errors-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const guidance = (title: string) => `---\ntitle: ${title}\ndescription: What to do first.\nlastReviewed: 2026-11-02\n---\n\nText.\n`;
const campaign = (start: string, end: string) =>
  `---\ntitle: Sixteen days\nsummary: A campaign.\nlastReviewed: 2026-11-02\nstart: ${start}\nend: ${end}\n---\n\nText.\n`;

describe('contentErrors', () => {
  it('a correct folder has no errors', () => {
    const root = contentFolder({ 'guidance/en/first.md': guidance('First steps'), 'campaigns/en/days.md': campaign('2026-11-25', '2026-12-10') });
    expect(contentErrors(root, '')).toEqual([]);
  });

  it('a date written 05/01/2027 is an error naming file, field and line, never read as a US date', () => {
    const root = contentFolder({ 'campaigns/en/days.md': campaign('2026-11-25', '05/01/2027') });
    expect(contentErrors(root, '')).toEqual([
      {
        file: 'campaigns/en/days.md',
        line: 6,
        field: 'end',
        message: 'campaigns/en/days.md, line 6: end is "05/01/2027": write the date as year-month-day, for example 2026-12-15.',
      },
    ]);
  });

  it('an end before the start says what end must be', () => {
    const root = contentFolder({ 'campaigns/en/days.md': campaign('2026-11-25', '2026-11-01') });
    expect(contentErrors(root, '').map((e) => e.message)).toEqual([
      'campaigns/en/days.md, line 6: end is "2026-11-01": the last day of the campaign must be the same day as start or later.',
    ]);
  });

  it('a date that is not a real day (2026-02-30) is an error too', () => {
    const root = contentFolder({ 'campaigns/en/days.md': campaign('2026-02-30', '2026-12-10') });
    expect(contentErrors(root, '')).toMatchObject([{ line: 5, field: 'start' }]);
  });

  it('a colon in a title names the real line of the file (front matter starts on line 2) and says to use quotes', () => {
    const root = contentFolder({ 'guidance/en/first.md': guidance('Safety: first steps') });
    const [error] = contentErrors(root, '');
    expect(error).toEqual({
      file: 'guidance/en/first.md',
      line: 2,
      field: 'title',
      message:
        'guidance/en/first.md, line 2: the title line is not valid YAML. If a value has a colon (:), or starts with a quote mark or #, put the whole value in double quotes, for example title: "Safety: first steps".',
    });
  });

  it('the title in quotes is fine', () => {
    const root = contentFolder({ 'guidance/en/first.md': guidance('"Safety: first steps"') });
    expect(contentErrors(root, '')).toEqual([]);
  });

  it('a page in another language with no English page is an error saying it would never be published', () => {
    const root = contentFolder({ 'guidance/pl/foo.md': guidance('Pierwsze kroki') });
    expect(contentErrors(root, 'src/content/')).toEqual([
      {
        file: 'src/content/guidance/pl/foo.md',
        line: 1,
        message:
          "src/content/guidance/pl/foo.md has no English page src/content/guidance/en/foo.md, so it is never published. Add the English page first, or rename this file to the English page's file name.",
      },
    ]);
  });

  it('a missing field names the field and says to add it; a wrong type names what to write', () => {
    const root = contentFolder({ 'guidance/en/first.md': '---\ntitle: First\nlastReviewed: 2026-11-02\neasyRead: sometimes\n---\n' });
    expect(contentErrors(root, '').map((e) => e.message)).toEqual([
      'guidance/en/first.md, line 2: description is missing: add a line "description: …".',
      'guidance/en/first.md, line 4: easyRead is "sometimes", but it must be true or false.',
    ]);
  });

  it('a wrong sourceHash says where to get the right one', () => {
    const root = contentFolder({
      'guidance/en/first.md': guidance('First'),
      'guidance/pl/first.md': '---\ntitle: Pierwsze\ndescription: x\nlastReviewed: 2026-11-02\ntranslation:\n  of: first\n  sourceHash: 3f1c\n  machineDrafted: true\n---\n',
    });
    expect(contentErrors(root, '').map((e) => e.message)).toEqual([
      'guidance/pl/first.md, line 7: translation.sourceHash is "3f1c", but it must be the 64 letters and digits that npm run content:status -- --hash <English file> prints.',
    ]);
  });

  it('a file without front matter says how to start it', () => {
    const root = contentFolder({ 'guidance/en/first.md': '# First\n' });
    expect(contentErrors(root, '')[0]!.message).toBe('guidance/en/first.md, line 1: the file must start with a line ---, then its fields (title and the others), then another line ---.');
  });

  it("a service entry's lastVerified must be YYYY-MM-DD, on its real line", () => {
    const root = contentFolder({ 'services/galop.yaml': 'name: Galop\ndescription: x\nlastVerified: 1/2/2026\n' });
    expect(contentErrors(root, '')).toContainEqual({
      file: 'services/galop.yaml',
      line: 3,
      field: 'lastVerified',
      message: 'services/galop.yaml, line 3: lastVerified is "1/2/2026": write the date as year-month-day, for example 2026-12-15.',
    });
  });
});

describe('the schema Astro applies', () => {
  const data = { title: 'T', summary: 'S', lastReviewed: new Date('2026-11-02'), start: new Date('2026-11-25') };
  it('refuses a date in any form but YYYY-MM-DD, with the same words', () => {
    const result = campaignSchema.safeParse({ ...data, end: '05/01/2027' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('write the date as year-month-day, for example 2026-12-15');
  });
  it('takes the Date Astro reads from an unquoted 2027-01-05, and a quoted one', () => {
    expect(campaignSchema.parse({ ...data, end: new Date('2027-01-05T00:00:00Z') }).end).toBe('2027-01-05');
    expect(campaignSchema.parse({ ...data, end: '2027-01-05' }).end).toBe('2027-01-05');
  });
});

describe('the build stops before Astro reads broken content', () => {
  const setup = (root: string) => {
    const logger = { error: vi.fn() };
    const hook = contentErrorsCheck(root).hooks['astro:config:setup'] as unknown as (options: { logger: typeof logger }) => void;
    return { logger, run: () => hook({ logger }) };
  };

  it('prints each error as a sentence and stops with no stack trace', () => {
    const { logger, run } = setup(contentFolder({ 'campaigns/en/days.md': campaign('2026-11-25', '05/01/2027') }));
    let thrown: Error | undefined;
    try {
      run();
    } catch (error) {
      thrown = error as Error;
    }
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/^src\/content\/campaigns\/en\/days\.md, line 6: end is "05\/01\/2027"/));
    expect(thrown?.message).toBe('1 content error(s) in src/content: fix the lines above, then build again.');
    expect(thrown?.stack).toBe('');
  });

  it('lets correct content through', () => {
    const { logger, run } = setup(contentFolder({ 'guidance/en/first.md': guidance('First steps') }));
    expect(run).not.toThrow();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('while npm run dev runs, saving a broken content file prints its sentence', () => {
    const root = contentFolder({ 'guidance/en/first.md': guidance('First steps') });
    const logger = { error: vi.fn() };
    const watcher = new EventEmitter();
    const hook = contentErrorsCheck(root).hooks['astro:server:setup'] as unknown as (options: { server: { watcher: EventEmitter }; logger: typeof logger }) => void;
    hook({ server: { watcher }, logger });
    writeFileSync(join(root, 'guidance/en/first.md'), guidance('Safety: first steps'));
    watcher.emit('all', 'change', join(root, 'guidance/en/first.md'));
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/guidance\/en\/first\.md, line 2: the title line is not valid YAML/));
  });

  it("the site's own content has no errors", () => {
    expect(contentErrors(join(process.cwd(), 'src/content'))).toEqual([]);
  });
});

describe('npm run content:status', () => {
  const run = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ['src/cli/content-status.ts', ...args], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { code: e.status, out: e.stderr };
    }
  };

  it('lists content errors as sentences, with no stack trace', () => {
    const root = contentFolder({ 'guidance/en/first.md': guidance('Safety: first steps'), 'guidance/pl/foo.md': guidance('Kroki') });
    const { code, out } = run('--root', root);
    expect(code).toBe(1);
    expect(out).toContain('content:status: these files must be fixed first:');
    expect(out).toMatch(/guidance\/en\/first\.md, line 2: the title line is not valid YAML/);
    expect(out).toMatch(/guidance\/pl\/foo\.md has no English page/);
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('--hash with a wrong path is one sentence, not a stack trace', () => {
    const { code, out } = run('--hash', 'guidance/en/no-such-page.md');
    expect(code).toBe(2);
    expect(out).toContain('content:status: There is no file guidance/en/no-such-page.md');
    expect(out).not.toMatch(/\n\s+at /);
  });
});

describe('a translation without its record', () => {
  it('is "no-record" for staff, never "outdated" (which would show readers the English-changed notice)', () => {
    expect(translationState(undefined, 'first', 'a'.repeat(64))).toEqual({ state: 'no-record', reason: expect.stringMatching(/^no translation record/) });
  });
});
