import { describe, expect, it } from "vitest";
import {
  PARIS_ZONE,
  parisDateToInstant,
  parisLocalToInstant,
  parisOffset,
  toLocal,
} from "../../../app/kernel/domain/paris-time";

// The reference: what Intl itself says the Paris wall clock and offset are at an instant.
const reference = new Intl.DateTimeFormat("sv-SE", {
  timeZone: PARIS_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const referenceOffset = new Intl.DateTimeFormat("en-GB", { timeZone: PARIS_ZONE, timeZoneName: "longOffset" });
const parisWallClock = (iso: string) => reference.format(new Date(iso)).replace(" ", "T");
const parisOffsetName = (iso: string) =>
  referenceOffset.formatToParts(new Date(iso)).find((p) => p.type === "timeZoneName")!.value;
const instant = (local: string) => parisLocalToInstant(local)?.toISOString();

describe("Paris wall clock to instant", () => {
  it("reads a winter time as CET (+01:00) and a summer time as CEST (+02:00)", () => {
    expect(instant("2026-01-15T10:00")).toBe("2026-01-15T09:00:00.000Z");
    expect(parisOffsetName("2026-01-15T09:00:00Z")).toBe("GMT+01:00");
    expect(instant("2026-07-15T10:00")).toBe("2026-07-15T08:00:00.000Z");
    expect(parisOffsetName("2026-07-15T08:00:00Z")).toBe("GMT+02:00");
  });

  it("puts a time just after midnight in Paris on the previous UTC day", () => {
    expect(instant("2027-01-01T00:00")).toBe("2026-12-31T23:00:00.000Z");
    expect(instant("2026-08-01T00:30")).toBe("2026-07-31T22:30:00.000Z");
    expect(instant("2026-12-31T23:59")).toBe("2026-12-31T22:59:00.000Z");
  });

  it("moves a time skipped by the spring change forward by the hour (02:30 becomes 03:30 CEST)", () => {
    expect(instant("2027-03-28T02:30")).toBe("2027-03-28T01:30:00.000Z");
    expect(parisWallClock("2027-03-28T01:30:00Z")).toBe("2027-03-28T03:30");
    expect(instant("2027-03-28T02:00")).toBe("2027-03-28T01:00:00.000Z");
    expect(instant("2027-03-28T02:59")).toBe("2027-03-28T01:59:00.000Z");
  });

  it("keeps the times on either side of the spring change exact", () => {
    expect(instant("2027-03-28T01:59")).toBe("2027-03-28T00:59:00.000Z");
    expect(parisWallClock("2027-03-28T00:59:00Z")).toBe("2027-03-28T01:59");
    expect(instant("2027-03-28T03:00")).toBe("2027-03-28T01:00:00.000Z");
    expect(parisWallClock("2027-03-28T01:00:00Z")).toBe("2027-03-28T03:00");
  });

  it("gives a time that happens twice in autumn its earlier instant, in CEST (+02:00)", () => {
    expect(instant("2026-10-25T02:30")).toBe("2026-10-25T00:30:00.000Z");
    expect(parisOffsetName("2026-10-25T00:30:00Z")).toBe("GMT+02:00");
    expect(parisWallClock("2026-10-25T00:30:00Z")).toBe("2026-10-25T02:30");
    expect(parisWallClock("2026-10-25T01:30:00Z")).toBe("2026-10-25T02:30");
    expect(instant("2026-10-25T02:00")).toBe("2026-10-25T00:00:00.000Z");
  });

  it("keeps the times on either side of the autumn change exact", () => {
    expect(instant("2026-10-25T01:59")).toBe("2026-10-24T23:59:00.000Z");
    expect(instant("2026-10-25T03:00")).toBe("2026-10-25T02:00:00.000Z");
    expect(parisOffsetName("2026-10-25T02:00:00Z")).toBe("GMT+01:00");
  });

  it("refuses text that is not a real date and time", () => {
    for (const bad of [
      "",
      "2026-02-29T10:00",
      "2026-13-01T10:00",
      "2026-01-01T24:00",
      "2026-01-01T10:60",
      "2026-01-01 10:00",
      "2026-01-01",
      "0050-01-01T10:00",
      "next week",
    ]) {
      expect(parisLocalToInstant(bad), bad).toBeNull();
    }
  });

  it("reads a calendar date as midday in Paris", () => {
    expect(parisDateToInstant("2026-03-20")?.toISOString()).toBe("2026-03-20T11:00:00.000Z");
    expect(parisDateToInstant("2026-07-14")?.toISOString()).toBe("2026-07-14T10:00:00.000Z");
    expect(parisDateToInstant("2026-02-30")).toBeNull();
    expect(parisDateToInstant("2026-03-20T12:00")).toBeNull();
  });
});

describe("instant to Paris wall clock", () => {
  it("agrees with Intl every quarter of an hour across both changes and around midnight", () => {
    const windows = ["2027-03-27T20:00:00Z", "2026-10-24T20:00:00Z", "2026-01-15T20:00:00Z", "2026-07-15T20:00:00Z"];
    for (const start of windows) {
      for (let step = 0; step < 10 * 4; step++) {
        const at = new Date(new Date(start).getTime() + step * 15 * 60_000).toISOString();
        expect(toLocal(new Date(at)), at).toBe(parisWallClock(at));
      }
    }
  });

  it("shows both instants of the repeated autumn hour as the same wall-clock time", () => {
    expect(toLocal(Date.parse("2026-10-25T00:30:00Z"))).toBe("2026-10-25T02:30");
    expect(toLocal(Date.parse("2026-10-25T01:30:00Z"))).toBe("2026-10-25T02:30");
  });

  it("never shows a time inside the spring gap", () => {
    expect(toLocal(Date.parse("2027-03-28T00:59:00Z"))).toBe("2027-03-28T01:59");
    expect(toLocal(Date.parse("2027-03-28T01:00:00Z"))).toBe("2027-03-28T03:00");
  });

  it("gives the offset of Paris as one hour in winter and two in summer", () => {
    expect(parisOffset(Date.parse("2026-01-15T09:00:00Z"))).toBe(3_600_000);
    expect(parisOffset(Date.parse("2026-07-15T08:00:00Z"))).toBe(7_200_000);
  });

  it("reads back what it writes for every quarter of an hour that exists only once", () => {
    for (const start of ["2027-03-27T20:00:00Z", "2026-10-24T20:00:00Z"]) {
      for (let step = 0; step < 10 * 4; step++) {
        const at = new Date(start).getTime() + step * 15 * 60_000;
        const local = toLocal(at);
        const repeated = toLocal(at - 3_600_000) === local || toLocal(at + 3_600_000) === local;
        if (!repeated) expect(parisLocalToInstant(local)?.getTime(), local).toBe(at);
      }
    }
  });
});
