// Form errors as the pages show them (app/kernel/forms/errors.ts): catalogue keys only, never
// zod's own English.
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { zodErrors } from "../../../app/kernel/forms/errors";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { reviewSchema } from "../../../app/jury/forms/jury";

const errorsOf = (schema: z.ZodType, values: unknown) => {
  const parsed = schema.safeParse(values);
  return parsed.success ? {} : zodErrors(parsed.error);
};

describe("form errors", () => {
  it("a message zod writes itself reads as the catalogue's general one, in each language", () => {
    const schema = z.object({
      choice: z.union([z.literal("a"), z.literal("b")]),
      id: z.string().max(3),
      named: z.string().max(3, { error: "errors.too_long" }),
    });
    expect(errorsOf(schema, { choice: "c", id: "abcd", named: "abcd" })).toEqual({
      choice: { message: "errors.value_invalid" },
      id: { message: "errors.value_invalid" },
      // A text over its length says the most it may be.
      named: { message: "errors.too_long_max", vars: { max: 3 } },
    });
    for (const locale of ["en", "fr", "ar"] as const) {
      expect((catalogues[locale] as Record<string, string>)["errors.value_invalid"], locale).toMatch(/\S/);
    }
  });

  it("a catalogue key keeps the values of its placeholders, and a field its first message", () => {
    const schema = z
      .object({ words: z.string().min(2, { error: "errors.required" }).max(1, { error: "errors.too_long" }) })
      .superRefine((_, ctx) =>
        ctx.addIssue({ code: "custom", path: ["words"], message: "errors.word_limit", params: { words: 9, limit: 5 } }),
      );
    expect(errorsOf(schema, { words: "x" })).toEqual({ words: { message: "errors.required" } });
    const limited = z
      .object({ text: z.string() })
      .superRefine((_, ctx) =>
        ctx.addIssue({ code: "custom", path: ["text"], message: "errors.word_limit", params: { words: 9, limit: 5 } }),
      );
    expect(errorsOf(limited, { text: "x" })).toEqual({
      text: { message: "errors.word_limit", vars: { words: 9, limit: 5 } },
    });
  });

  it("a juror's confidence outside the scale, or not a number, gets the confidence message", () => {
    const schema = reviewSchema({ keys: ["innovation"], min: 1, max: 10 });
    for (const confidence of ["9", "0", "abc"]) {
      expect(errorsOf(schema, { version: "1", confidence }), confidence).toEqual({
        confidence: { message: "errors.jury_confidence_invalid" },
      });
    }
    expect(errorsOf(schema, { version: "1", confidence: "" })).toEqual({});
  });
});
