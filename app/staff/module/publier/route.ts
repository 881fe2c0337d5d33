import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { publishModuleDraft } from "@/lib/modules/drafts";
import { moduleRouteContext } from "@/lib/modules/staff-context";

/** Publishes the territory's draft module: a new version (earlier responses keep theirs), audited. */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const { user, db, territory, href } = await moduleRouteContext(request);
  if (form.get("confirm") !== "publish") return seeOther(request, href("", { erreur: "formulaire" }));
  const result = await publishModuleDraft(db, territory.id, { userId: user.id });
  if (!result) return seeOther(request, href("", { erreur: "brouillon" }));
  return seeOther(request, href("", result.created ? { publie: String(result.version) } : { inchange: "1" }));
});
