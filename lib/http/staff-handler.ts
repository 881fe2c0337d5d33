import type { NextResponse } from "next/server";
import { HttpError } from "@/lib/auth/session";
import { BadRequest, plainError, readForm } from "./form";

/** Wraps a staff form handler: reads the form (64 KB max) and maps errors to status codes. */
export function staffFormHandler<P>(fn: (request: Request, form: URLSearchParams, params: P) => Promise<NextResponse | Response>) {
  return async (request: Request, ctx: { params: Promise<P> }) => {
    try {
      return await fn(request, await readForm(request), await ctx.params);
    } catch (err) {
      if (err instanceof BadRequest) return plainError(400, err.message);
      if (err instanceof HttpError) return plainError(err.status, err.message);
      throw err;
    }
  };
}
