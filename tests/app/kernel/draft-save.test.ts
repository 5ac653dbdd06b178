import { describe, expect, it } from "vitest";
import { isDraftSave, keepDataAfterDraft } from "../../../app/kernel/components/i18n";

const body = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("drafts saved by themselves", () => {
  it("a section's autosave and a review's autosave are drafts; a save, a submission and a navigation are not", () => {
    expect(isDraftSave(body({ intent: "autosave", impact: "text" }))).toBe(true);
    expect(isDraftSave(body({ intent: "save_draft", autosave: "1" }))).toBe(true);
    expect(isDraftSave(body({ intent: "save", impact: "text" }))).toBe(false);
    expect(isDraftSave(body({ intent: "save_draft" }))).toBe(false);
    expect(isDraftSave(body({ intent: "submit" }))).toBe(false);
    expect(isDraftSave(undefined)).toBe(false);
  });

  it("the page keeps its data after a draft and reloads it as Remix would after anything else", () => {
    expect(keepDataAfterDraft({ formData: body({ intent: "autosave" }), defaultShouldRevalidate: true })).toBe(false);
    expect(keepDataAfterDraft({ formData: body({ intent: "save" }), defaultShouldRevalidate: true })).toBe(true);
    expect(keepDataAfterDraft({ formData: body({ intent: "save" }), defaultShouldRevalidate: false })).toBe(false);
    expect(keepDataAfterDraft({ defaultShouldRevalidate: true })).toBe(true);
  });
});
