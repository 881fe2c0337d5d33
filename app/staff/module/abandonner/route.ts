import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { discardModuleDraft } from "@/lib/modules/drafts";
import { moduleRouteContext } from "@/lib/modules/staff-context";

/** Drops the territory's draft (nothing was published from it). */
export const POST = staffFormHandler<Record<string, never>>(async (request) => {
  const { db, territory, href } = await moduleRouteContext(request);
  await discardModuleDraft(db, territory.id);
  return seeOther(request, href());
});
