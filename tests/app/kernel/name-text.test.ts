import { describe, expect, it } from "vitest";
import { registerSchema } from "../../../app/accounts/forms/register";
import { profileSchema } from "../../../app/accounts/forms/account";
import { entitySchema } from "../../../app/nominations/forms/entity";

const nameError = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.find((i) => i.path[0] === "name")?.message;

describe("a person's or an organisation's name", () => {
  it("refuses bidirectional overrides, isolates and control characters, with its own message", () => {
    for (const name of ["Ana\u202Eanaz", "Bo\u2066x\u2069", "Chidi\u0007", "Line\nbreak"]) {
      const form = { name, email: "a@example.org", password: "a long passphrase here", locale: "en" };
      expect(nameError(registerSchema.safeParse(form)), JSON.stringify(name)).toBe("errors.name_characters");
      expect(nameError(profileSchema.safeParse({ intent: "profile", name, locale: "en" }))).toBe(
        "errors.name_characters",
      );
    }
  });

  it("keeps the marks of direction an Arabic name may need, and every script", () => {
    for (const name of ["\u200Fعائشة المنصوري\u200F", "Nguyễn Thị Minh", "José-María O’Neill", "李明"])
      expect(profileSchema.safeParse({ intent: "profile", name, locale: "en" }).success, name).toBe(true);
  });

  it("applies to a nominating entity's name too", () => {
    const result = entitySchema.safeParse({ kind: "ngo", name: "NGO\u202E", country: "" });
    expect(nameError(result)).toBe("errors.name_characters");
  });
});
