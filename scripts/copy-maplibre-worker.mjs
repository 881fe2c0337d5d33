#!/usr/bin/env node
// Serves maplibre-gl's self-contained worker as a static file (public/, never committed):
// bundled by Turbopack, the worker located from import.meta.url fails to load.
// Run at install (postinstall) and whenever next.config.ts is loaded (build, start, dev).
import fs from "node:fs";
import path from "node:path";

export function copyMaplibreWorker(root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")) {
  const from = path.join(root, "node_modules", "maplibre-gl", "dist", "maplibre-gl-worker.mjs");
  const to = path.join(root, "public", "maplibre-gl-worker.mjs");
  if (!fs.existsSync(from)) return false;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (!fs.existsSync(to) || fs.statSync(to).size !== fs.statSync(from).size) fs.copyFileSync(from, to);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) copyMaplibreWorker();
