import { describe, expect, it } from "vitest";
import { describeError, log, queryName, setLogSink } from "./logger";

describe("logger", () => {
  it("writes one JSON line and redacts fields by name", () => {
    const lines: string[] = [];
    const prev = setLogSink((l) => lines.push(l));
    try {
      log("error", "x", { route: "/t/a", params: "secret", email: "a@b.c", body: "b", answers: "a", code: "23505", queryName: "insert drafts" });
    } finally {
      setLogSink(prev);
    }
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: "error", event: "x", route: "/t/a", code: "23505", queryName: "insert drafts", params: "[redacted]", email: "[redacted]" });
    expect(lines[0]).not.toMatch(/secret|a@b\.c/);
  });

  it("names queries by verb and table", () => {
    expect(queryName('insert into "drafts" ("id") values ($1)')).toBe("insert drafts");
    expect(queryName('update "callback_requests" set "status" = $1')).toBe("update callback_requests");
    expect(queryName('select "id" from "responses" where "id" = $1')).toBe("select responses");
    expect(queryName('delete from "drafts" where true')).toBe("delete drafts");
    expect(queryName("vacuum")).toBe("sql");
  });

  it("never takes the message of an error that is not ours", () => {
    const d = describeError(new Error("Key (email)=(a@b.c) already exists"));
    expect(JSON.stringify(d)).not.toContain("a@b.c");
    expect(d.errorName).toBe("Error");
  });
});
