"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { activeStaffItem } from "@/lib/ui/staff-nav";

/**
 * The staff navigation (items already limited to the role by the server). The root layout does
 * not render again on a client-side navigation: the current entry follows the path here.
 */
export function StaffNav({ label, items, signOut }: { label: string; items: { key: string; href: string; label: string }[]; signOut: string }) {
  const path = usePathname() ?? "";
  if (!(path === "/staff" || path.startsWith("/staff/"))) return null;
  const active = activeStaffItem(path);
  return (
    <nav className="staff-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={active === item.key ? "page" : undefined}>{item.label}</Link>
          </li>
        ))}
        <li className="staff-nav-end"><SignOutButton label={signOut} /></li>
      </ul>
    </nav>
  );
}
