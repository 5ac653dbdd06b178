import { describe, expect, it } from "vitest";
import { forReaders, sectionByKey, type ApplicationContent } from "../../../app/applications/domain/sections";
import { sectionSchema } from "../../../app/applications/forms/section-schema";
import { sectionFormSchema } from "../../../app/applications/forms/application";
import { viewSections } from "../../../app/applications/server/view.server";
import { fullContent } from "../../fixtures/nominations";

const contact = sectionByKey("contact")!;
const filled = fullContent("Gender check").sections.contact!;

describe("the project lead's gender on the application form", () => {
  it("is an optional choice of the contact section", () => {
    expect(contact.fields.find((f) => f.key === "leadGender")).toMatchObject({
      kind: "select",
      required: false,
      options: ["woman", "man", "another", "prefer_not_to_say"],
    });
  });

  it("accepts each of its values and no answer, even when the section is marked completed", () => {
    for (const leadGender of ["woman", "man", "another", "prefer_not_to_say", ""]) {
      const parsed = sectionSchema(contact, null, true).safeParse({ ...filled, leadGender });
      expect(parsed.success, leadGender).toBe(true);
      expect(parsed.data?.leadGender).toBe(leadGender);
    }
    const absent = sectionSchema(contact, null, true).safeParse(filled);
    expect(absent.data?.leadGender).toBe("");
  });

  it("refuses any other value, next to the field, in the form the browser and the server check", () => {
    for (const leadGender of ["female", "Woman", "self-described", "x"]) {
      const parsed = sectionFormSchema(contact, null).safeParse({ ...filled, leadGender, intent: "save" });
      expect(parsed.success, leadGender).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["leadGender", "errors.option_invalid"],
      ]);
    }
  });

  it("is left out of the sections every reading view shows, and of the content readers receive", () => {
    const fields = viewSections().flatMap((s) => s.fields.map((f) => f.key));
    expect(fields).toContain("contactEmail");
    expect(fields).not.toContain("leadGender");
    const content: ApplicationContent = fullContent("Gender check");
    content.sections.contact = { ...content.sections.contact, leadGender: "woman" };
    const read = forReaders(content);
    expect(read.sections.contact).toEqual(filled);
    expect(read.sections.background).toEqual(content.sections.background);
    // The applicant's own copy is untouched.
    expect(content.sections.contact.leadGender).toBe("woman");
    expect(forReaders(null)).toBeNull();
  });
});
