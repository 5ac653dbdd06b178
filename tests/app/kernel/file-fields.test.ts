import { describe, expect, it } from "vitest";
import { uploadSchema } from "../../../app/applications/forms/application";
import { nominateSchema } from "../../../app/nominations/forms/nomination";
import { zodErrors } from "../../../app/kernel/forms/errors";

const file = (name: string, size: number) => new File([new Uint8Array(size)], name, { type: "application/pdf" });
const upload = uploadSchema({ maxFileBytes: 1000, limitLabel: "0.001" });
const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : zodErrors(result.error as never);

describe("file fields checked in the browser before a long upload", () => {
  it("an upload with no file chosen, or the empty file a browser sends for an untouched input, asks to choose one", () => {
    expect(errorsOf(upload.safeParse({ file: null }))).toEqual({ file: { message: "errors.file_required" } });
    expect(errorsOf(upload.safeParse({ file: file("", 0) }))).toEqual({ file: { message: "errors.file_required" } });
    expect(errorsOf(upload.safeParse({ file: "report.pdf" }))).toEqual({ file: { message: "errors.file_required" } });
  });

  it("a chosen file of no bytes is said to be empty, not asked for again", () => {
    expect(errorsOf(upload.safeParse({ file: file("empty.pdf", 0) }))).toEqual({
      file: { message: "errors.file_empty" },
    });
    const ids = { intent: "nominate", applicationId: "a", entityId: "e", confirm: "on" };
    expect(errorsOf(nominateSchema.safeParse({ ...ids, letter: file("letter.pdf", 0) }))).toEqual({
      letter: { message: "errors.letter_empty" },
    });
  });

  it("a file over the edition's limit is refused naming the limit, one at the limit passes", () => {
    expect(errorsOf(upload.safeParse({ file: file("big.pdf", 1001) }))).toEqual({
      file: { message: "errors.file_too_big", vars: { limit: "0.001" } },
    });
    expect(upload.safeParse({ file: file("ok.pdf", 1000) }).success).toBe(true);
  });

  it("the nomination letter must be chosen in the browser, while the server, which reads the file apart, checks its bytes", () => {
    const ids = { intent: "nominate", applicationId: "a", entityId: "e", confirm: "on" };
    expect(errorsOf(nominateSchema.safeParse({ ...ids, letter: file("", 0) }))).toEqual({
      letter: { message: "errors.letter_required" },
    });
    expect(errorsOf(nominateSchema.safeParse({ ...ids, letter: file("letter.pdf", 11 * 1024 * 1024) }))).toEqual({
      letter: { message: "errors.letter_too_big" },
    });
    expect(nominateSchema.safeParse({ ...ids, letter: file("letter.pdf", 2000) }).success).toBe(true);
    expect(nominateSchema.safeParse(ids).success).toBe(true);
  });
});
