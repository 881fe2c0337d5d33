import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    // A throw-away contact-data key for tests (32 bytes, base64).
    env: { BAROMETRE_CONTACT_KEY: Buffer.alloc(32, 7).toString("base64") },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are heavy: keep files in a small pool on a 2-core machine.
    maxWorkers: 2,
  },
});
