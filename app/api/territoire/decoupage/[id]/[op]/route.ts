import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { planImport } from "@/lib/territories/boundaries/plan";
import { loadStaged, saveStaged } from "@/lib/territories/boundaries/staging";
import { applyImport } from "@/lib/territories/boundaries/write";

/**
 * Steps 2 and 3 of the boundaries import: "verifier" records the property mapping and validates
 * every level (issues or a valid preview), "enregistrer" writes the validated import in one
 * transaction (audited). Another user's, another territory's or an expired import: not found.
 */
export const POST = staffFormHandler<{ id: string; op: string }>(async (request, form, { id, op }) => {
  const user = await requirePermissionApi("territory:configure");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const staged = loadStaged(id, user.id, territory.id);
  if (!staged) throw new HttpError(404, "Import introuvable ou expiré : déposez de nouveau les fichiers.");
  const page = (extra: Record<string, string> = {}, anchor = "") => seeOther(request, `/staff/territoire/decoupage?${new URLSearchParams({
    ...(user.role === "admin" ? { t: territory.slug } : {}), import: staged.id, ...extra })}${anchor}`);
  const files = () => staged.levels.map((l) => ({ key: l.key, name: l.name, file: l.file, text: l.text, ...l.mapping }));

  if (op === "verifier") {
    if (staged.stage === "saved") return page();
    for (const [i, level] of staged.levels.entries()) {
      const pick = (field: string, optional: boolean) => {
        const v = (form.get(`${field}_${i}`) ?? "").trim();
        if (optional && v === "") return undefined;
        if (!level.properties.includes(v)) throw new HttpError(400, "Propriété inconnue dans ce fichier.");
        return v;
      };
      const parent = i > 0 ? pick("parent", true) : undefined;
      level.mapping = { codeProperty: pick("code", false)!, nameProperty: pick("nom", false)!, ...(parent ? { parentProperty: parent } : {}) };
    }
    const { plan, issues } = planImport(files());
    staged.issues = issues;
    staged.stage = plan ? "checked" : "uploaded";
    saveStaged(staged);
    return page({}, plan ? "#apercu" : "#erreurs");
  }
  if (op === "enregistrer") {
    if (staged.stage !== "checked") return page();
    const { plan, issues } = planImport(files());
    if (!plan) {
      staged.issues = issues;
      staged.stage = "uploaded";
      saveStaged(staged);
      return page({}, "#erreurs");
    }
    staged.diff = await applyImport(db, territory.id, plan, { kind: "staff", userId: user.id });
    staged.stage = "saved";
    staged.levels = staged.levels.map((l) => ({ ...l, text: "" })); // the files are no longer needed
    saveStaged(staged);
    return page({ fait: "1" }, "#changements");
  }
  throw new HttpError(404, "Action inconnue.");
});
