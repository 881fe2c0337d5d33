import { getDb } from "@/db/client";
import { canAccessTerritory } from "@/lib/auth/permissions";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { registerKiosk, registerKioskSchema } from "@/lib/kiosk/devices";
import { setKioskCookie } from "@/lib/respondent/session-cookies";
import { getTerritoryBySlug } from "@/lib/territories/queries";

/** Registers this browser as a kiosk of a site: the device cookie is set here, the token never shown. */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const user = await requirePermissionApi("kiosk:manage");
  const db = await getDb();
  const territory = await getTerritoryBySlug(db, String(form.get("territory") ?? "").slice(0, 60));
  if (!territory || !canAccessTerritory(user, territory.id)) throw new HttpError(404, "Territoire inconnu.");
  const back = `/staff/kiosques?t=${territory.slug}`;
  const parsed = registerKioskSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return seeOther(request, `${back}&erreur=1`);
  const kiosk = await registerKiosk(db, territory.id, user.id, parsed.data);
  if (!kiosk) throw new HttpError(404, "Lieu inconnu.");
  // The staff session ends on this device: a respondent must not find it signed in.
  return seeOther(request, `/t/${territory.slug}`, {
    cookies: (res) => {
      setKioskCookie(res, kiosk.token);
      for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) {
        res.cookies.set(name, "", { path: "/", maxAge: 0 });
      }
    },
  });
});
