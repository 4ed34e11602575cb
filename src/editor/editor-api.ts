/**
 * The publish page's JSON routes (publishers only; see src/staff/routes.ts): translate, mark
 * reviewed, show the English's changes, check, preview, publish and the publish history. Every
 * answer a person reads is a plain sentence.
 */
import { join } from 'node:path';
import { sendJson } from '../staff/http.ts';
import type { StaffContext } from '../staff/routes.ts';
import { BuildBusy, type BuildOutcome, type Publisher } from './publish.ts';
import { previewPrefix } from './preview.ts';
import { translatingAddress } from './addresses.ts';
import { englishChanges, markReviewed, startTranslation, TranslateError, translationOverview } from './translate.ts';

/** What the editor's routes work on: the site's folder, where English sources are kept, and the publisher. */
export interface Publishing {
  root: string;
  /** DATA_DIR/english-sources: the English each translation was made from (translate.ts). */
  sourcesDir: string;
  publisher: Publisher;
}

const contentRoot = (p: Publishing) => join(p.root, 'src', 'content');
const text = (value: unknown) => (typeof value === 'string' ? value : '');
/** Today in the UK, YYYY-MM-DD: the day a reviewer would write. */
const todayInUk = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** Runs a translation action, answering a TranslateError as its sentence (400). */
async function translating(ctx: StaffContext, act: () => unknown): Promise<void> {
  try {
    sendJson(ctx.res, 200, { ok: true, result: act() ?? null });
  } catch (error) {
    if (error instanceof TranslateError) return sendJson(ctx.res, 400, { error: error.message });
    throw error;
  }
}

/** GET: every English page and where each translation stands. */
export async function translations(ctx: StaffContext): Promise<void> {
  sendJson(ctx.res, 200, { pages: translationOverview(contentRoot(ctx.publishing)) });
}

/** POST {collection, slug, lang}: creates the translation with its record; answers where to write it, beside the English. */
export async function translate(ctx: StaffContext): Promise<void> {
  const { collection, slug, lang } = ctx.body;
  await translating(ctx, () => {
    const file = startTranslation(contentRoot(ctx.publishing), ctx.publishing.sourcesDir, text(collection), text(slug), text(lang));
    return { file, address: translatingAddress(text(collection), text(lang), text(slug)) };
  });
}

/** POST {collection, slug, lang}: records the signed-in publisher as reviewer, today. */
export async function review(ctx: StaffContext): Promise<void> {
  const { collection, slug, lang } = ctx.body;
  await translating(ctx, () => markReviewed(contentRoot(ctx.publishing), ctx.publishing.sourcesDir, text(collection), text(slug), text(lang), ctx.member!.name, todayInUk()));
}

/** POST {collection, slug, lang}: what changed in the English since the translation was made. */
export async function changes(ctx: StaffContext): Promise<void> {
  const { collection, slug, lang } = ctx.body;
  await translating(ctx, () => englishChanges(ctx.publishing.root, contentRoot(ctx.publishing), ctx.publishing.sourcesDir, text(collection), text(slug), text(lang)) ?? null);
}

/** POST: the content checks and termbase findings, without building. */
export async function check(ctx: StaffContext): Promise<void> {
  sendJson(ctx.res, 200, ctx.publishing.publisher.check());
}

/** Where a changed page can be previewed in a build, or undefined for files that are not a page. */
export function previewAddress(id: string, file: string): string | undefined {
  const match = /^src\/content\/(campaigns|guidance)\/([a-z]+)\/([a-z0-9-]+)\.md$/.exec(file);
  if (!match) return undefined;
  const [, collection, lang, slug] = match;
  return `${previewPrefix}${id}/${lang}/${collection === 'campaigns' ? 'campaigns/' : ''}${slug}/`;
}

/** Runs a build, answering "busy" as a sentence (409). */
async function building(ctx: StaffContext, then: (outcome: BuildOutcome) => Promise<Record<string, unknown>>): Promise<void> {
  let outcome: BuildOutcome;
  try {
    outcome = await ctx.publishing.publisher.build();
  } catch (error) {
    if (error instanceof BuildBusy) return sendJson(ctx.res, 409, { error: 'Someone is publishing right now. Wait a minute, then try again.' });
    throw error;
  }
  const previews = outcome.id ? outcome.changed.flatMap((file) => { const url = previewAddress(outcome.id!, file); return url ? [{ file, url }] : []; }) : [];
  sendJson(ctx.res, 200, { ...outcome, previews, ...(await then(outcome)) });
}

/** POST: builds the saved content into a new folder for preview; the live site is not touched. */
export async function preview(ctx: StaffContext): Promise<void> {
  await building(ctx, async () => ({ published: false }));
}

/** POST: builds, and makes the build live only if it passed; records who, when and which files. */
export async function publish(ctx: StaffContext): Promise<void> {
  await building(ctx, async (outcome) => {
    if (!outcome.id) return { published: false };
    const files = await ctx.publishing.publisher.publish(outcome.id);
    await ctx.store.recordPublish(ctx.member!.name, files);
    return { published: true };
  });
}

/** GET: every publish, newest first. */
export async function history(ctx: StaffContext): Promise<void> {
  const rows = await ctx.store.publishes();
  sendJson(ctx.res, 200, { publishes: rows.map((p) => ({ at: p.at.toISOString(), actor: p.actor, files: p.files })) });
}
