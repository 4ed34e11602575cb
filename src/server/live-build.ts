/**
 * Which build the server serves, and the one switch that changes it. `npm run build` writes dist/;
 * each publish from the editor builds into published/<id>/ and, only when that build passed, points
 * published/current at it (a new symlink renamed over the old one: atomic on disk) and swaps the
 * handler in memory (one assignment: a request is answered wholly by the old build or the new).
 * A restart serves published/current, so what is live stays live.
 */
import { existsSync, realpathSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where published builds live, beside dist/. */
export const publishedFolder = 'published';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** One loaded build: Astro's handler for its pages and files, and its /api/callback endpoint. */
export interface LoadedBuild {
  /** The build's folder (holds server/ and client/). */
  dir: string;
  handler: Handler;
  handleCallbackApi: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/** The folder of the build to serve: the last published one, or dist/. */
export function liveBuildDir(root: string): string {
  const current = join(root, publishedFolder, 'current');
  return existsSync(current) ? realpathSync(current) : join(root, 'dist');
}

/** Imports a build's server entry and its callback endpoint (a new folder is a new module instance). */
export async function loadBuild(dir: string): Promise<LoadedBuild> {
  const load = (file: string) => import(pathToFileURL(resolve(dir, 'server', file)).href);
  const { handler } = (await load('entry.mjs')) as { handler: Handler };
  const { handleCallbackApi } = (await load('callback-endpoint.mjs')) as LoadedBuild;
  return { dir, handler, handleCallbackApi };
}

/** The build being served; `switchTo` replaces it. */
export class LiveSite {
  #build: LoadedBuild;
  readonly #root: string;

  constructor(root: string, build: LoadedBuild) {
    this.#root = root;
    this.#build = build;
  }

  /** The build answering requests now. Read it per request, never keep it. */
  get build(): LoadedBuild {
    return this.#build;
  }

  /**
   * Serves `dir` (a folder under published/) from now on. It is loaded first, so a build that cannot
   * even be imported changes nothing; then the pointer on disk, then the handler in memory.
   */
  async switchTo(dir: string): Promise<void> {
    const next = await loadBuild(dir);
    pointCurrentAt(this.#root, dir);
    this.#build = next;
  }
}

/** Points published/current at `dir` by renaming a fresh symlink over it, so no moment has no pointer. */
export function pointCurrentAt(root: string, dir: string): void {
  const folder = join(root, publishedFolder);
  const temporary = join(folder, `current.${process.pid}.${Date.now()}`);
  symlinkSync(basename(dir), temporary);
  try {
    renameSync(temporary, join(folder, 'current'));
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}
