// The one way a file leaves the server (app/kernel/server/download.server.ts): its name.
import { describe, expect, it } from "vitest";
import { fileResponse, nameForType } from "../../../app/kernel/server/download.server";

describe("a downloaded file's name", () => {
  it("ends with its type's extension, and loses the characters that would disguise it", () => {
    expect(nameForType("annex.html", "application/pdf")).toBe("annex.html.pdf");
    expect(nameForType("Report.PDF", "application/pdf")).toBe("Report.PDF");
    expect(nameForType("scan.jpeg", "image/jpeg")).toBe("scan.jpeg");
    expect(nameForType("scan", "image/png")).toBe("scan.png");
    expect(nameForType("results.csv", "text/csv; charset=utf-8")).toBe("results.csv");
    const disposition = fileResponse({ bytes: "%PDF-", name: "\u202Efdp.exe", type: "application/pdf" }).headers.get(
      "Content-Disposition",
    );
    expect(disposition).toBe(`attachment; filename="fdp.exe.pdf"; filename*=UTF-8''fdp.exe.pdf`);
  });
});
