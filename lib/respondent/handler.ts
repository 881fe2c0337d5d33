import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { getDb, type Db } from "@/db/client";
import { HttpError } from "@/lib/auth/session";
import { findKiosk } from "@/lib/kiosk/devices";
import { BadRequest, plainError, readForm } from "@/lib/http/form";
import { getTerritoryBySlugCached } from "@/lib/territories/queries";
import { findDraft, type Draft } from "./drafts";
import { DRAFT_COOKIE, KIOSK_COOKIE } from "./session-cookies";

type Territory = NonNullable<Awaited<ReturnType<typeof getTerritoryBySlugCached>>>;
export type RespondentRequest = {
  request: Request;
  db: Db;
  territory: Territory;
  draft: Draft | null;
  kiosk: Awaited<ReturnType<typeof findKiosk>>;
  form: URLSearchParams;
};

/**
 * Wraps a respondent route handler: validates the slug, reads the form (64 KB at most),
 * resolves territory, draft and kiosk from the cookies, and turns errors into plain
 * 400/404 answers that say what was wrong — before anything is written.
 */
export function respondentHandler(fn: (r: RespondentRequest) => Promise<NextResponse | Response>) {
  return async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    try {
      const { slug } = await params;
      const form = request.method === "POST" ? await readForm(request) : new URLSearchParams();
      const db = await getDb();
      const territory = /^[a-z0-9-]{1,60}$/.test(slug) ? await getTerritoryBySlugCached(db, slug) : null;
      if (!territory) return plainError(404, "Territoire inconnu.");
      const jar = await cookies();
      const draft = await findDraft(db, territory.id, jar.get(DRAFT_COOKIE)?.value);
      const kiosk = await findKiosk(db, jar.get(KIOSK_COOKIE)?.value);
      return await fn({ request, db, territory, draft, kiosk: kiosk?.territoryId === territory.id ? kiosk : null, form });
    } catch (err) {
      if (err instanceof BadRequest) return plainError(400, err.message);
      if (err instanceof HttpError) return plainError(err.status, err.message);
      throw err;
    }
  };
}
