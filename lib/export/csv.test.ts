import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes, escapes and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["x;y", 'say "hi"'], ["=HYPERLINK()", null], [-3, "ok"]])).toBe(
      '\uFEFF"a";"b"\r\n"x;y";"say ""hi"""\r\n"\'=HYPERLINK()";""\r\n"\'-3";"ok"\r\n',
    );
  });
});
