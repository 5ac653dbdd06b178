// The public archive holds the prize's laureates from before this system (UNESCO's list); an
// edition of one of those years would publish its own laureates beside them on /laureates/<year>.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { editions } from "../../../db/schema";
import { editionSettingsSchema } from "../../../app/editions/forms/edition";
import { createEdition, updateEdition } from "../../../app/editions/models/edition.server";
import { seedPastLaureates } from "../../../app/results/models/past-laureates.server";
import { newEdition, settingsForm } from "../../fixtures/editions";
import { makeUser } from "../../fixtures/builders";

const settings = (overrides: Record<string, string>) => editionSettingsSchema.parse(settingsForm(overrides));
const editionRow = (id: string) => db().select().from(editions).where(eq(editions.id, id)).get()!;

describe("editions and the years of the archive", () => {
  let actorId = "";
  beforeAll(async () => {
    seedPastLaureates(db());
    actorId = (await makeUser({ roles: ["secretariat"] })).id;
  });

  it("an edition is not created for a year whose laureates the archive holds, and is for another year", () => {
    const before = db().select().from(editions).all().length;
    expect(createEdition({ actorId, input: settings({ year: "2018" }) })).toEqual({
      ok: false,
      field: "year",
      error: "errors.edition_year_archived",
      vars: { year: 2018 },
    });
    expect(db().select().from(editions).all()).toHaveLength(before);
    expect(createEdition({ actorId, input: settings({ year: "2031" }) })).toMatchObject({ ok: true });
  });

  it("an edition's year is not changed to an archived year, and an edition already of one stays editable", () => {
    const id = newEdition(actorId);
    const row = editionRow(id);
    expect(
      updateEdition({ actorId, editionId: id, version: row.version, input: settings({ year: "2023" }) }),
    ).toMatchObject({ ok: false, field: "year", error: "errors.edition_year_archived" });
    expect(editionRow(id).year).toBe(row.year);

    // As the demo's seed makes it: an edition already of an archived year keeps its settings editable.
    db().update(editions).set({ year: 2019 }).where(eq(editions.id, id)).run();
    const seeded = editionRow(id);
    expect(
      updateEdition({
        actorId,
        editionId: id,
        version: seeded.version,
        input: settings({ year: "2019", themeEn: "A new theme for the same year" }),
      }),
    ).toEqual({ ok: true });
    expect(editionRow(id).themeEn).toBe("A new theme for the same year");
  });
});
