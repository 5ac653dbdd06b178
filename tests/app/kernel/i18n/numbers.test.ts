import { describe, expect, it } from "vitest";
import { formatNumber, intlLocale, NUMBER_TEXTS_KEPT, type Locale } from "../../../../app/kernel/i18n";

const LOCALES: Locale[] = ["en", "fr", "ar"];
const VALUES = [0, -0, 1, -1.5, 0.125, 0.5, 2 / 3, 1234567.891, -0.0004, 1e-7, NaN, Infinity, -Infinity];
const OPTIONS: (Intl.NumberFormatOptions | undefined)[] = [
  undefined,
  { maximumFractionDigits: 2 },
  Object.freeze({ maximumFractionDigits: 3, minimumFractionDigits: 2 }),
  Object.freeze({ style: "percent", maximumFractionDigits: 1 }),
  Object.freeze({ maximumFractionDigits: 2, signDisplay: "exceptZero" }),
  { maximumSignificantDigits: 2 },
];

const intl = (value: number, locale: Locale, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(intlLocale(locale), options).format(value);

describe("numbers shown to readers", () => {
  it("a number reads as Intl writes it, in each language and with each options, the first time and again", () => {
    const expected: string[] = [];
    const got: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const locale of LOCALES) {
        for (const options of OPTIONS) {
          for (const value of VALUES) {
            expected.push(intl(value, locale, options));
            got.push(formatNumber(value, locale, options));
          }
        }
      }
    }
    expect(got).toEqual(expected);
  });

  it("minus zero still reads with its sign after zero was formatted with the same options", () => {
    const options = Object.freeze({ maximumFractionDigits: 2 });
    expect(formatNumber(0, "en", options)).toBe("0");
    expect(formatNumber(-0, "en", options)).toBe("-0");
    expect(formatNumber(-0.001, "en", options)).toBe("-0");
    expect(formatNumber(0, "en", options)).toBe("0");
  });

  it("the same frozen options give each language its own digits and separators", () => {
    const options = Object.freeze({ maximumFractionDigits: 2 });
    expect([formatNumber(1234.5, "en", options), formatNumber(1234.5, "fr", options)]).toEqual([
      intl(1234.5, "en", options),
      intl(1234.5, "fr", options),
    ]);
    expect(formatNumber(1234.5, "fr", options)).not.toBe(formatNumber(1234.5, "en", options));
  });

  it("options changed by their caller after a first number format the next one with the new options", () => {
    const options: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
    expect(formatNumber(1.25, "en", options)).toBe("1");
    options.maximumFractionDigits = 2;
    expect(formatNumber(1.25, "en", options)).toBe("1.25");
  });

  it("equal options, frozen or not, read alike", () => {
    const frozen = Object.freeze({ style: "percent", maximumFractionDigits: 0 } as const);
    expect(formatNumber(0.456, "ar", frozen)).toBe(formatNumber(0.456, "ar", { ...frozen }));
    expect(formatNumber(0.456, "ar", frozen)).toBe(intl(0.456, "ar", frozen));
  });

  it("more distinct numbers than a formatter keeps still each read right, before and after it starts again", () => {
    const options = Object.freeze({ maximumFractionDigits: 4 });
    const values = Array.from({ length: NUMBER_TEXTS_KEPT + 50 }, (_, i) => i / 7);
    const got = [...values, ...values.slice(0, 100)].map((v) => formatNumber(v, "fr", options));
    expect(got).toEqual([...values, ...values.slice(0, 100)].map((v) => intl(v, "fr", options)));
  });
});
