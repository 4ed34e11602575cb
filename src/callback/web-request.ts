/** A web Request (Astro's, for the form's POST) in the shape the intake reads. */
import type { IntakeRequest } from './intake.ts';

/** Reads at most `limit` bytes of a web body, whatever Content-Length claims; undefined when larger. */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return undefined;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The transport half of an IntakeRequest, from a web Request. */
export function fromWebRequest(request: Request): Pick<IntakeRequest, 'method' | 'header' | 'origin' | 'readBody'> {
  return {
    method: request.method,
    header: (name) => request.headers.get(name),
    origin: new URL(request.url).origin,
    readBody: (limit) => readLimited(request, limit),
  };
}
