import { describe, expect, it } from "vitest";
import { found, notFound } from "../../../app/accounts/server/permissions.server";

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
};

describe("found", () => {
  it("gives back a value that is there, unchanged", () => {
    const edition = { id: "e1" };
    expect(found(edition)).toBe(edition);
    expect(found("2026")).toBe("2026");
  });

  it("answers a missing value with the very 404 notFound() throws", () => {
    const expected = thrown(() => notFound());
    for (const missing of [null, undefined, false] as const) {
      const error = thrown(() => found(missing));
      expect(error).toEqual(expected);
      expect(error).toMatchObject({ init: { status: 404 }, data: { message: "errors.not_found" } });
    }
  });
});
