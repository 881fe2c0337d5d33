/** Next.js start-up hook: the background job loop runs in the Node.js server process only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.BAROMETRE_WORKER === "off") return;
  const { startWorkerLoop } = await import("./lib/notifications/worker-loop");
  startWorkerLoop();
}

/**
 * Every error Next reports for a request, as one structured line: the route (its pattern, never
 * the query string), the kind of render, the error's class and codes. Never parameters, bodies
 * or database messages (query errors carry none anyway: db/errors.ts).
 */
export async function onRequestError(
  err: unknown,
  request: { path: string; method: string },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { describeError, logger } = await import("./lib/log/logger");
  logger.error("request_failed", {
    route: context.routePath, routeType: context.routeType, method: request.method, ...describeError(err),
  });
}
