import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3100);
// Another port lets a second checkout run its browser tests at the same time.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT || 3199);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT || 3125);
// e2e/booking.spec.ts reads the e-mails received over HTTP on the next port.
const SMTP_HTTP_PORT = SMTP_PORT + 1;
// The stub of the SMS provider's HTTP API (e2e/sms-server.mjs); specs read what it received there.
const SMS_PORT = Number(process.env.E2E_SMS_PORT || 3135);

/**
 * End-to-end tests in Debian's Chromium (no browser download) against the production build,
 * on a fresh embedded database seeded with the demo data.
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
      ],
    },
    // A stuck action fails with its own message rather than at the end of the test.
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: "off",
  },
  webServer: [{
    // A real OpenID Connect provider on loopback, for the SSO sign-in test.
    command: "node e2e/oidc-server.mjs",
    url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
    timeout: 30_000,
    reuseExistingServer: false,
    env: { OIDC_PORT: String(OIDC_PORT), APP_URL: `http://localhost:${PORT}` },
  }, {
    // A real SMTP server on loopback, for the booking e-mails.
    command: "node e2e/smtp-server.mjs",
    url: `http://127.0.0.1:${SMTP_HTTP_PORT}/messages`,
    timeout: 30_000,
    reuseExistingServer: false,
    env: { SMTP_PORT: String(SMTP_PORT), SMTP_HTTP_PORT: String(SMTP_HTTP_PORT) },
  }, {
    // A stub of the SMS provider's HTTP JSON API on loopback, for phone-only bookings.
    command: "node e2e/sms-server.mjs",
    url: `http://127.0.0.1:${SMS_PORT}/messages`,
    timeout: 30_000,
    reuseExistingServer: false,
    env: { SMS_PORT: String(SMS_PORT), SMS_API_KEY: "e2e-sms-key" },
  }, {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT), DATABASE_URL: "", NEXTAUTH_SECRET: "e2e-secret-not-for-production", NEXTAUTH_URL: `http://localhost:${PORT}`,
      OIDC_ISSUER: `http://localhost:${OIDC_PORT}`, OIDC_CLIENT_ID: "barometre-e2e", OIDC_CLIENT_SECRET: "barometre-e2e-secret", OIDC_NAME: "ProConnect (test)",
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, MAIL_FROM: "CCAS de test <ccas@barometre.test>", MAIL_WORKER_INTERVAL_MS: "500",
      SMS_PROVIDER_URL: `http://127.0.0.1:${SMS_PORT}`, SMS_API_KEY: "e2e-sms-key", SMS_SENDER: "CCAS test",
    },
  }],
});
