// A real SMTP server on loopback for the browser tests, with a small HTTP endpoint to read what
// it received (GET /messages?to=<address>): the portal's worker delivers to it over SMTP.
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.SMTP_PORT || 3125);
const httpPort = Number(process.env.SMTP_HTTP_PORT || 3126);
const received = [];

const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
  onData(stream, _session, done) {
    simpleParser(stream).then((m) => {
      received.push({
        to: m.to?.text ?? "", subject: m.subject ?? "", text: m.text ?? "",
        attachments: m.attachments.map((a) => ({ contentType: a.contentType, content: a.content.toString("utf8") })),
      });
      done();
    }, done);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  const to = url.searchParams.get("to");
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(received.filter((m) => !to || m.to.includes(to))));
}).listen(httpPort, "127.0.0.1");
