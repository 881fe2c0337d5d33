#!/usr/bin/env node
// A real OpenID Connect provider on loopback for the browser tests (npm package oidc-provider),
// with its development login form: any password, the login is the account's e-mail.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT || 3199);
const appUrl = process.env.APP_URL || "http://localhost:3100";
const provider = new Provider(`http://localhost:${port}`, {
  clients: [{
    client_id: "barometre-e2e",
    client_secret: "barometre-e2e-secret",
    redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
    grant_types: ["authorization_code"],
    response_types: ["code"],
  }],
  async findAccount(_ctx, id) {
    return { accountId: id, async claims() { return { sub: `sub-${id}`, email: id, email_verified: true, name: `Compte SSO ${id}` }; } };
  },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  features: { devInteractions: { enabled: true } },
});
provider.listen(port, () => console.log(`OIDC provider on http://localhost:${port}`));
