import Link from "next/link";

/** Title of a settings page, with the way back and the outcome of the last change (post/redirect/get). */
export function SettingsHeader({ title, territory, back, status }: {
  title: string; territory: string; back?: { href: string; label: string }; status?: string;
}) {
  return (
    <>
      {back && <p><Link href={back.href}>{back.label}</Link></p>}
      <h1>{title}</h1>
      <p className="muted">{territory}</p>
      {status && <p className="notice" role="status">{status}</p>}
    </>
  );
}
