import { getDb } from "@/db/client";
import { requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { addBenefit } from "@/lib/benefits/catalogue";
import { newBenefitSchema } from "@/lib/benefits/catalogue-rules";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";

/** Adds a benefit of the territory's own to its catalogue. Audited; PRG. */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const user = await requirePermissionApi("territory:configure");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const back = (key: string, value: string) => seeOther(request, `/staff/prestations?${new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), [key]: value })}`);
  const parsed = newBenefitSchema.safeParse({ code: form.get("code") ?? "", labelFr: form.get("labelFr") ?? "", labelEn: form.get("labelEn") ?? "" });
  if (!parsed.success) return back("erreur", parsed.error.issues[0]?.message ?? "code");
  const result = await addBenefit(db, territory.id, user.id, parsed.data);
  return result.ok ? back("fait", "add") : back("erreur", result.reason);
});
