import type { NextResponse } from "next/server";
import { HttpError } from "@/lib/auth/session";
import { describeError, logger } from "@/lib/log/logger";
import { BadRequest, isNextControlFlow, plainError, readForm, SERVER_ERROR_MESSAGE } from "./form";
import { crossSiteRefusal, isSameOriginRequest } from "./origin";

/**
 * Wraps a staff form handler: refuses cross-site posts (403, nothing read or changed), reads the
 * form (64 KB max) and maps errors to status codes.
 */
export function staffFormHandler<P>(fn: (request: Request, form: URLSearchParams, params: P) => Promise<NextResponse | Response>) {
  return async (request: Request, ctx: { params: Promise<P> }) => {
    if (!isSameOriginRequest(request)) return crossSiteRefusal();
    try {
      return await fn(request, await readForm(request), await ctx.params);
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
