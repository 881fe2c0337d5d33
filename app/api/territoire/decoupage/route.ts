import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { isNextControlFlow, plainError, seeOther, SERVER_ERROR_MESSAGE } from "@/lib/http/form";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { describeError, logger } from "@/lib/log/logger";
import { hitLimit } from "@/lib/security/rate-limit";
import { parseGeoJson } from "@/lib/territories/boundaries/parse";
import { createStaged, guessMapping } from "@/lib/territories/boundaries/staging";
import { DEFAULT_LIMITS } from "@/lib/territories/boundaries/types";
import { MAX_UPLOAD_BYTES, readUploadedLevels } from "@/lib/territories/boundaries/upload";

const UPLOADS = { name: "boundaries-upload", max: 30, windowSeconds: 3600 };

/**
 * Step 1 of the boundaries import (multipart, works without JavaScript): one file per level,
 * read and checked for size, JSON, FeatureCollection and vertex count, then kept server-side
 * (staging) for the mapping step. Nothing is written to the database here.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  try {
    const user = await requirePermissionApi("territory:configure");
    const db = await getDb();
    const slug = new URL(request.url).searchParams.get("t") ?? undefined;
    const territory = await staffTerritoryApi(db, user, slug);
    const page = (params: Record<string, string>) => seeOther(request, `/staff/territoire/decoupage?${new URLSearchParams({
      ...(user.role === "admin" ? { t: territory.slug } : {}), ...params })}`);
    if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return page({ erreur: "type" });
    if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) return page({ erreur: "tooLarge", niveau: "0" });
    if (!(await hitLimit(db, UPLOADS, user.id)).allowed) return page({ erreur: "tooMany" });
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return page({ erreur: "type" });
    }
    const read = await readUploadedLevels(form);
    if ("error" in read) {
      const e = read.error;
      return page({ erreur: e.code, ...("slot" in e ? { niveau: String(e.slot) } : {}), ...("detail" in e && e.detail ? { detail: e.detail } : {}) });
    }
    const issues = [];
    const levels = [];
    for (const l of read.levels) {
      const r = parseGeoJson(l.file, l.text, DEFAULT_LIMITS);
      issues.push(...r.issues);
      const properties = r.parsed?.properties ?? [];
      levels.push({ ...l, text: r.parsed ? l.text : "", properties, mapping: guessMapping(properties) });
    }
    const staged = createStaged({ userId: user.id, territoryId: territory.id, stage: "uploaded", levels, issues });
    return page({ import: staged.id });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    if (isNextControlFlow(err)) throw err;
    logger.error("route_handler_failed", { route: "/api/territoire/decoupage", method: "POST", ...describeError(err) });
    return plainError(500, SERVER_ERROR_MESSAGE) as NextResponse;
  }
}
