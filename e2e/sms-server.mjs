// A stub of the SMS provider's HTTP JSON API (lib/notifications/sms.ts) on loopback, for the
// browser tests and the integration test of the worker:
//   POST /sms            {to, from, text, reference} with "Authorization: Bearer <SMS_API_KEY>" → 202
//   GET  /messages?to=   what it received (read-back, for the tests)
//   POST /fail?count=n   the next n messages are answered 503 (to test retries)
// SMS_PORT=0 picks a free port; the port is printed on stdout ("sms-server listening on <port>").
import http from "node:http";

const port = Number(process.env.SMS_PORT ?? 3135);
const key = process.env.SMS_API_KEY || "e2e-sms-key";
const received = [];
let failures = 0;

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c) => { body += c; if (body.length > 100_000) req.destroy(); });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  res.setHeader("Content-Type", "application/json");
  if (req.method === "GET" && url.pathname === "/messages") {
    const to = url.searchParams.get("to");
    return res.end(JSON.stringify(received.filter((m) => !to || m.to === to)));
  }
  if (req.method === "POST" && url.pathname === "/fail") {
    failures = Number(url.searchParams.get("count") || 1);
    return res.end("{}");
  }
  if (req.method === "POST" && url.pathname === "/sms") {
    if (req.headers.authorization !== `Bearer ${key}`) { res.statusCode = 401; return res.end(JSON.stringify({ error: "unauthorized" })); }
    const body = await readBody(req);
    if (failures > 0) { failures--; res.statusCode = 503; return res.end(JSON.stringify({ error: "unavailable" })); }
    let m;
    try { m = JSON.parse(body); } catch { res.statusCode = 400; return res.end(JSON.stringify({ error: "json" })); }
    if (typeof m.to !== "string" || !/^\+\d{6,15}$/.test(m.to) || typeof m.text !== "string" || !m.text) {
      res.statusCode = 422; return res.end(JSON.stringify({ error: "invalid" }));
    }
    // The provider deduplicates on the idempotency key, like real gateways do.
    const ref = req.headers["idempotency-key"] ?? m.reference;
    if (!received.some((r) => r.reference === ref)) received.push({ to: m.to, from: m.from, text: m.text, reference: ref, at: new Date().toISOString() });
    res.statusCode = 202;
    return res.end(JSON.stringify({ id: ref, status: "queued" }));
  }
  res.statusCode = 404;
  res.end("{}");
});
server.listen(port, "127.0.0.1", () => console.log(`sms-server listening on ${server.address().port}`));
