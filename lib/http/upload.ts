import { BadRequest, readBodyCapped } from "./form";

/**
 * Reads one file of a multipart form post (a plain <form enctype="multipart/form-data">, so it
 * works without JavaScript) with a byte limit enforced while streaming, whatever
 * Content-Length claims. Returns the file's bytes and name, and the other (text) fields.
 */
export async function readUpload(request: Request, field: string, maxBytes: number) {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw new BadRequest("Format de formulaire non pris en charge.");
  const limit = maxBytes + 64 * 1024; // room for the multipart envelope
  const body = await readBodyCapped(request, limit);
  if (!body) return { tooLarge: true as const };
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new BadRequest("Le formulaire n'a pas pu être lu.");
  }
  const file = form.get(field);
  if (!file || typeof file === "string" || file.size === 0) return { missing: true as const };
  if (file.size > maxBytes) return { tooLarge: true as const };
  return { file: { name: file.name.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) }, form };
}
