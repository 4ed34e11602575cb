/**
 * Publishing from the editor: build the saved content into a new folder under published/, and make
 * it live only when the content checks and the build pass. A failed build is deleted and the live
 * site is untouched; its reasons are plain sentences naming the file and field. One build at a time.
 * Each build is also a preview: the staff listener serves its pages until the next one (preview.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { localeCodes } from '../i18n/locales.ts';
import { contentErrors } from '../content/content-errors.ts';
import { changedFiles, contentManifest, readManifest, type ContentManifest } from '../content/content-manifest.ts';
import { describeTermWarning } from '../content/termbase.ts';
import { termReports } from '../content/term-reports.ts';
import { checkTranslatedPages } from '../content/translation-checks.ts';
import { astroCli } from '../server/build-freshness.ts';
import { publishedFolder, type LiveSite } from '../server/live-build.ts';

/** What a build of the saved content found. */
export interface BuildOutcome {
  /** The build's folder name under published/; absent when it failed. */
  id?: string;
  /** Why it cannot be published, one plain sentence each. Empty when it passed. */
  problems: string[];
  /** Words that may not match the agreed terms: worth a look, not a reason to stop. */
  warnings: string[];
  /** Content files that differ from the live site (src/content/…). */
  changed: string[];
}

/** Thrown when a build is already running: one publish at a time. */
export class BuildBusy extends Error {}

/** The checks that name file and field, before spending a build on content that cannot pass. */
export function contentProblems(contentRoot: string): string[] {
  return [...contentErrors(contentRoot).map((e) => e.message), ...checkTranslatedPages(contentRoot, localeCodes).map((p) => p.message)];
}

/** Termbase findings, in words, for the translations among `files` (the ones a publish changes). */
export function termFindings(contentRoot: string, files: readonly string[]): string[] {
  return termReports(contentRoot, localeCodes.filter((code) => code !== 'en'))
    .filter((t) => files.includes(t.file))
    .map((t) => `${t.file}: ${describeTermWarning(t)}`);
}

/**
 * Astro's own reasons from a failed build's output: its error lines, without colours or times. Used
 * only when the checks above passed and the build still failed (something they do not cover).
 */
export function buildFailureReasons(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const errors = plain
    .split('\n')
    .filter((line) => /\[ERROR\]|^\s*error\b/i.test(line))
    .map((line) => line.replace(/^\d\d:\d\d:\d\d\s+/, '').replace(/\[ERROR\]\s*(\[[^\]]+\]\s*)?/, '').trim())
    .filter(Boolean);
  return errors.length ? errors : ['The site could not be built. Nothing was published; ask a developer to look at the server log.'];
}

/** Builds and publishes; holds the one-at-a-time lock. */
export class Publisher {
  readonly #root: string;
  readonly #live: LiveSite;
  #busy = false;

  constructor(root: string, live: LiveSite) {
    this.#root = root;
    this.#live = live;
  }

  get #contentRoot(): string {
    return join(this.#root, 'src', 'content');
  }

  /** The folder of a build by id, if it is one of ours. */
  buildDir(id: string): string | undefined {
    const dir = join(this.#root, publishedFolder, id);
    return /^build-\d+$/.test(id) && existsSync(join(dir, 'client')) ? dir : undefined;
  }

  /** The content checks on what is saved, without building: problems, term findings, changed files. */
  check(): BuildOutcome {
    const changed = changedFiles(readManifest(this.#live.build.dir) ?? {}, contentManifest(this.#contentRoot));
    return { problems: contentProblems(this.#contentRoot), warnings: termFindings(this.#contentRoot, changed), changed };
  }

  /** Checks and builds the saved content into a new folder; never touches the live site. */
  async build(): Promise<BuildOutcome> {
    if (this.#busy) throw new BuildBusy('A build is already running.');
    this.#busy = true;
    try {
      const { problems, warnings, changed } = this.check();
      if (problems.length) return { problems, warnings, changed };

      const previewed = this.#previewOf(contentManifest(this.#contentRoot));
      if (previewed) return { id: previewed, problems: [], warnings, changed };
      this.#removeOldBuilds();
      const id = `build-${Date.now()}`;
      const dir = join(this.#root, publishedFolder, id);
      const { code, output } = await runBuild(this.#root, dir);
      if (code !== 0) {
        rmSync(dir, { recursive: true, force: true });
        return { problems: buildFailureReasons(output), warnings, changed };
      }
      return { id, problems: [], warnings, changed };
    } finally {
      this.#busy = false;
    }
  }

  /** Makes a passed build live. Returns the files it changed, for the audit row. */
  async publish(id: string): Promise<string[]> {
    if (this.#busy) throw new BuildBusy('A build is already running.');
    const dir = this.buildDir(id);
    if (!dir) throw new Error(`No build ${id}.`);
    const changed = changedFiles(readManifest(this.#live.build.dir) ?? {}, readManifest(dir) ?? {});
    await this.#live.switchTo(dir);
    return changed;
  }

  /** A build not yet live made from exactly this content (a preview), so publishing it needs no second build. */
  #previewOf(manifest: ContentManifest): string | undefined {
    const folder = join(this.#root, publishedFolder);
    if (!existsSync(folder)) return undefined;
    const same = (dir: string) => changedFiles(readManifest(dir) ?? {}, manifest).length === 0;
    return readdirSync(folder)
      .filter((name) => /^build-\d+$/.test(name) && join(folder, name) !== this.#live.build.dir && same(join(folder, name)))
      .sort()
      .at(-1);
  }

  /** Keeps the live build and the one before it (to go back by hand); older and unpublished ones go. */
  #removeOldBuilds(): void {
    const folder = join(this.#root, publishedFolder);
    mkdirSync(folder, { recursive: true });
    const live = this.#live.build.dir;
    const builds = readdirSync(folder).filter((name) => /^build-\d+$/.test(name)).sort();
    const keep = new Set([live, join(folder, builds.filter((b) => join(folder, b) < live).at(-1) ?? '')]);
    for (const name of builds) if (!keep.has(join(folder, name))) rmSync(join(folder, name), { recursive: true, force: true });
  }
}

/** Runs `astro build --outDir <dir>` without blocking the server, and collects its output. */
function runBuild(root: string, dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [astroCli(), 'build', '--outDir', dir], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
