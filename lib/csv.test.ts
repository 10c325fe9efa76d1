import { describe, expect, it } from "vitest";
import { csvRow } from "./csv";

describe("CSV rows", () => {
  it("quotes commas, quotes and line breaks; numbers stay numbers", () => {
    expect(csvRow(["Kaya, Zeynep", 'said "hi"', "two\nlines", -3.5, null])).toBe(
      '"Kaya, Zeynep","said ""hi""","two\nlines",-3.5,\r\n',
    );
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvRow(['=HYPERLINK("x")', "+1", "@sum"])).toBe('"\'=HYPERLINK(""x"")",\'+1,\'@sum\r\n');
    expect(csvRow(["-2+3", "\tcmd", "\r=1"])).toBe("'-2+3,'\tcmd,\"'\r=1\"\r\n");
  });

  it("a negative number formatted as text (a balance of -3.000) stays a number", () => {
    expect(csvRow(["-3.000", "-12", "-0.5e3"])).toBe("-3.000,-12,'-0.5e3\r\n");
  });
});
