import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatTime } from "../../../../app/kernel/i18n";

// Noon in Paris, so the day is the same in every zone the tests may run in.
const first = Date.UTC(2027, 3, 1, 10, 0);
const second = Date.UTC(2027, 3, 2, 10, 0);
const eleventh = Date.UTC(2027, 3, 11, 10, 0);

describe("long dates", () => {
  it("write the first of the month as 1er in French, date alone or with its time", () => {
    expect(formatDate(first, "fr")).toBe("1er avril 2027");
    expect(formatDateTime(first, "fr")).toMatch(/^1er avril 2027 à 12:00$/);
  });

  it("keep the other days cardinal in French, 11 included", () => {
    expect(formatDate(second, "fr")).toBe("2 avril 2027");
    expect(formatDate(eleventh, "fr")).toBe("11 avril 2027");
    expect(formatDateTime(Date.UTC(2027, 0, 21, 10, 0), "fr")).toMatch(/^21 janvier 2027 à 11:00$/);
  });

  it("leave English and Arabic as Intl writes them", () => {
    expect(formatDate(first, "en")).toBe("1 April 2027");
    expect(formatDate(first, "ar")).toBe(
      new Intl.DateTimeFormat("ar", { dateStyle: "long", timeZone: "Europe/Paris" }).format(first),
    );
    expect(formatDate(first, "ar")).not.toContain("er");
  });

  it("take the day in the zone asked for", () => {
    // 23:30 in Paris on 31 March is 1 April in Tokyo.
    const lateMarch = Date.UTC(2027, 2, 31, 21, 30);
    expect(formatDate(lateMarch, "fr")).toBe("31 mars 2027");
    expect(formatDate(lateMarch, "fr", "Asia/Tokyo")).toBe("1er avril 2027");
  });

  it("leave a time of day alone", () => {
    expect(formatTime(first, "fr")).toBe("12:00:00");
  });
});
