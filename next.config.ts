import type { NextConfig } from "next";
// @ts-expect-error plain ESM script without types
import { copyMaplibreWorker } from "./scripts/copy-maplibre-worker.mjs";

// The map's worker is a static file copied from node_modules (see the script).
copyMaplibreWorker(process.cwd());

const nextConfig: NextConfig = {
  // PGlite breaks when bundled (it locates its wasm and extensions from its own files).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Hashed static files skip proxy.ts (which sets every other answer's security headers).
  async headers() {
    return [{
      source: "/_next/static/:path*",
      headers: [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "X-Frame-Options", value: "DENY" }],
    }];
  },
  experimental: {
    serverActions: { bodySizeLimit: "64kb" },
  },
};

export default nextConfig;
