import type { NextResponse } from "next/server";
import { HttpError } from "@/lib/auth/session";
import { BadRequest, plainError, readForm } from "./form";
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
      throw err;
    }
  };
}
