"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

type Strings = { email: string; password: string; submit: string; invalid: string; locked: string; sso?: string };

/**
 * Credentials sign-in through next-auth; errors are announced and focus stays in the form.
 * Without JavaScript the same form posts to /api/connexion, which answers with the session
 * cookie or back here with `initialError`.
 */
export function SignInForm({ strings, callbackUrl, initialError = null }: { strings: Strings; callbackUrl: string; initialError?: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setPending(true);
    const res = await signIn("credentials", {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setError(res?.error === "locked" ? strings.locked : strings.invalid);
  }
  return (
    <form method="post" action="/api/connexion" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error && <p className="error" role="alert" id="signin-error">{error}</p>}
      <div className="question">
        <label className="label" htmlFor="email">{strings.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required aria-describedby={error ? "signin-error" : undefined} />
      </div>
      <div className="question">
        <label className="label" htmlFor="password">{strings.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>{strings.submit}</button>
        {strings.sso && (
          <button className="button secondary" type="button" onClick={() => signIn("oidc", { callbackUrl })}>{strings.sso}</button>
        )}
      </div>
    </form>
  );
}
