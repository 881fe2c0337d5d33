import { NextResponse } from "next/server";
import { formHasControlChars } from "@/lib/validation/parsers";

/** Bodies above this are refused with 400 before being parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

export class BadRequest extends Error {}

/**
 * A request's body, read while counting its bytes: null as soon as it passes `limit`, whatever
 * Content-Length claims (the stream is then cancelled).
 */
export async function readBodyCapped(request: Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads an urlencoded form post (what a browser sends with JavaScript off) with a size limit
 * enforced while streaming, whatever Content-Length claims; refuses control characters.
 */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) throw new BadRequest("Format de formulaire non pris en charge.");
  const body = await readBodyCapped(request, MAX_BODY_BYTES);
  if (!body) throw new BadRequest("Formulaire trop volumineux.");
  const form = new URLSearchParams(body.toString("utf8"));
  // NUL and other control characters never reach the database (PostgreSQL refuses NUL).
  if (formHasControlChars(form)) throw new BadRequest("Le formulaire contient des caractères non autorisés (caractères de contrôle).");
  return form;
}

export const NO_STORE = "no-store, max-age=0";

/** 303 so that the browser follows with a GET (post/redirect/get), never cached. */
export function seeOther(request: Request, path: string, init?: { cookies?: (res: NextResponse) => void }) {
  const res = NextResponse.redirect(new URL(path, request.url), 303);
  res.headers.set("Cache-Control", NO_STORE);
  init?.cookies?.(res);
  return res;
}

export function plainError(status: number, message: string) {
  return new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": NO_STORE },
  });
}

/** Next's control-flow throws (redirect, notFound): never caught as failures. */
export function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_") || digest === "DYNAMIC_SERVER_USAGE");
}

export const SERVER_ERROR_MESSAGE = "Une erreur est survenue de notre côté. Réessayez dans quelques instants.";
