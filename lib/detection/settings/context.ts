import { settingsContext } from "@/lib/booking/settings/context";
import { OPTION_LISTS, type OptionList } from "../options";

export const DETECTION_SETTINGS_PATH = "/staff/reperage/reglages";
export type SettingsTab = "services" | OptionList;
export const SETTINGS_TABS: SettingsTab[] = ["services", ...OPTION_LISTS];

/** `territory:configure` and the territory (as every settings page), with this page's URLs. */
export async function detectionSettingsContext(requestedSlug: string | null | undefined) {
  const ctx = await settingsContext(typeof requestedSlug === "string" && requestedSlug ? requestedSlug : undefined);
  const slug = ctx.user.role === "admin" ? ctx.territory.slug : null;
  const href = (tab: SettingsTab, params: Record<string, string> = {}) =>
    `${DETECTION_SETTINGS_PATH}?${new URLSearchParams({ ...(slug ? { t: slug } : {}), liste: tab, ...params })}`;
  return { ...ctx, slug, href };
}

export function toTab(v: unknown): SettingsTab {
  return SETTINGS_TABS.find((x) => x === v) ?? "services";
}
