import type { NextResponse } from "next/server";
import { getDb, type Db } from "@/db/client";
import { HttpError } from "@/lib/auth/session";
import { BadRequest, isNextControlFlow, plainError, readForm, SERVER_ERROR_MESSAGE } from "@/lib/http/form";
import { describeError, logger } from "@/lib/log/logger";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { resolveRespondent } from "./context";

export type RespondentRequest = NonNullable<Awaited<ReturnType<typeof resolveRespondent>>> & {
  request: Request;
  db: Db;
  form: URLSearchParams;
};

/**
 * Wraps a respondent route handler: refuses cross-site posts (403, before anything is read),
 * validates the slug, reads the form (64 KB at most),
 * resolves territory, draft and kiosk from the cookies, and turns errors into plain
 * 400/404 answers that say what was wrong — before anything is written.
 */
export function respondentHandler(fn: (r: RespondentRequest) => Promise<NextResponse | Response>) {
  return async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    if (!isSameOriginRequest(request)) return crossSiteRefusal();
    try {
      const { slug } = await params;
      const form = request.method === "POST" ? await readForm(request) : new URLSearchParams();
      const db = await getDb();
      const resolved = await resolveRespondent(db, slug);
      if (!resolved) return plainError(404, "Territoire inconnu.");
      return await fn({ request, db, ...resolved, form });
    } catch (err) {
      if (err instanceof BadRequest) return plainError(400, err.message);
      if (err instanceof HttpError) return plainError(err.status, err.message);
      if (isNextControlFlow(err)) throw err;
      // Logged without parameters, body or message (see lib/log/logger.ts); a plain 500 answer.
      logger.error("route_handler_failed", { route: new URL(request.url).pathname, method: request.method, ...describeError(err) });
      return plainError(500, SERVER_ERROR_MESSAGE);
    }
  };
}
