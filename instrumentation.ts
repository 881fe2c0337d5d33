/** Next.js start-up hook: the background job loop runs in the Node.js server process only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.BAROMETRE_WORKER === "off") return;
  const { startWorkerLoop } = await import("./lib/notifications/worker-loop");
  startWorkerLoop();
}
