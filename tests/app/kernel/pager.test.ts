// What a page reads of its own query: the page number, and the counts its redirects put there.
import { describe, expect, it } from "vitest";
import { countParam, MAX_PAGE, pageParam } from "../../../app/kernel/components/pager";

describe("a page's query", () => {
  it("a count from a page's own redirect is read; a word, a sign or a fraction shows no notice", () => {
    expect(countParam("6")).toBe(6);
    expect(countParam("0")).toBe(0);
    for (const value of ["abc", "-5", "1e999", "2.5", "", " 6", "1234567890", null]) {
      expect(countParam(value), String(value)).toBeNull();
    }
  });

  it("a page number past any list's end is capped, and anything else is the first page", () => {
    const page = (query: string) => pageParam(new Request(`http://localhost/list?${query}`));
    expect(page("page=3")).toBe(3);
    expect(page("page=1e20")).toBe(MAX_PAGE);
    expect(page("page=-1")).toBe(1);
    expect(page("page=abc")).toBe(1);
  });
});
