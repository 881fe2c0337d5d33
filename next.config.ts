import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite breaks when bundled (it locates its wasm and extensions from its own files).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "64kb" },
  },
};

export default nextConfig;
