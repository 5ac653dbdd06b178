import { strFromU8, unzipSync } from "fflate";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { applications, outbox, screeningDecisions } from "../../../db/schema";
import { nominateApplication } from "../../../app/nominations/models/nomination.server";
import { erasedTitle } from "../../../app/accounts/domain/erasure";
import * as list from "../../../app/routes/secretariat.screening._index";
import * as screen from "../../../app/routes/secretariat.screening.$applicationId";
import * as csv from "../../../app/routes/secretariat.screening.export[.]csv";
import * as xlsx from "../../../app/routes/secretariat.screening.export[.]xlsx";
import { addEntityMember, cookieFor, makeEdition, makeEntity, makeUser, request, run } from "../../fixtures/builders";
import { makeApplication, makeRules, PDF_BYTES, setEdition } from "../../fixtures/nominations";

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

async function world() {
  const edition = makeEdition();
  setEdition(edition.id, { phase: "screening" });
  const keys = makeRules(edition.id);
  const entity = makeEntity({ country: null, kind: "ngo" });
  const nominator = await makeUser({ roles: [] });
  addEntityMember(entity.id, nominator.id);
  const applicant = await makeUser({ locale: "ar" });
  const nominate = (title: string, country = "KE") => {
    const app = makeApplication({
      editionId: edition.id,
      applicantId: applicant.id,
      entityId: entity.id,
      title,
      country,
    });
    nominateApplication({
      applicationId: app.id,
      entityId: entity.id,
      actorId: nominator.id,
      letter: { name: "l.pdf", bytes: PDF_BYTES },
    });
    return app;
  };
  const secretariat = await makeUser({ roles: ["secretariat"] });
  return {
    edition,
    keys,
    entity,
    nominator,
    applicant,
    nominate,
    cookie: await cookieFor(secretariat.id),
    nominatorCookie: await cookieFor(nominator.id),
  };
}

describe("screening routes", () => {
  it("non-secretariat users get 404 on the screening list, an application, the decisions and both exports", async () => {
    const w = await world();
    const app = w.nominate("Hidden");
    const applicantCookie = await cookieFor(w.applicant.id);
    for (const cookie of [w.nominatorCookie, applicantCookie]) {
      expect((await run(() => list.loader(args(request("/secretariat/screening", { cookie }))))).status).toBe(404);
      expect(
        (
          await run(() =>
            screen.loader(args(request(`/secretariat/screening/${app.id}`, { cookie }), { applicationId: app.id })),
          )
        ).status,
      ).toBe(404);
      const post = await run(() =>
        screen.action(
          args(
            request(`/secretariat/screening/${app.id}`, {
              cookie,
              form: { applicationId: app.id, editionId: w.edition.id, [`outcome__${w.keys[0]}`]: "pass" },
            }),
            { applicationId: app.id },
          ),
        ),
      );
      expect(post.status).toBe(404);
      expect(
        (
          await run(() =>
            csv.loader(args(request(`/secretariat/screening/export.csv?edition=${w.edition.id}`, { cookie }))),
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await run(() =>
            xlsx.loader(args(request(`/secretariat/screening/export.xlsx?edition=${w.edition.id}`, { cookie }))),
          )
        ).status,
      ).toBe(404);
    }
    expect(
      db().select().from(screeningDecisions).where(eq(screeningDecisions.applicationId, app.id)).all(),
    ).toHaveLength(0);
  });

  it("the list filters by country through the query string and the CSV export keeps the filter, escaped and defused", async () => {
    const w = await world();
    w.nominate('=SUM(1,2) "quoted"', "SN");
    w.nominate("Kenyan project", "KE");
    const res = await run(() =>
      list.loader(args(request(`/secretariat/screening?edition=${w.edition.id}&country=SN`, { cookie: w.cookie }))),
    );
    const body = res.body as { list: { total: number; rows: { title: string }[] } };
    expect(body.list.total).toBe(1);
    const response = (await csv.loader(
      args(request(`/secretariat/screening/export.csv?edition=${w.edition.id}&country=SN`, { cookie: w.cookie })),
    )) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="screening-/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFFReference,Project,")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=SUM(1,2) ""quoted"""`);
    expect(text).not.toContain("Kenyan project");
  });

  it("the XLSX export opens and holds the nominated applications", async () => {
    const w = await world();
    const app = w.nominate("Fish & chips");
    const response = (await xlsx.loader(
      args(request(`/secretariat/screening/export.xlsx?edition=${w.edition.id}`, { cookie: w.cookie })),
    )) as Response;
    const sheet = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain(app.reference);
    expect(sheet).toContain("Fish &amp; chips");
  });

  it("an erased application is listed and exported under its pseudonym in the secretariat's language", async () => {
    const w = await world();
    const app = w.nominate("Projet");
    const pseudonym = erasedTitle(app.id);
    db().update(applications).set({ title: pseudonym }).where(eq(applications.id, app.id)).run();
    const french = await makeUser({ roles: ["secretariat"], locale: "fr" });
    const response = (await csv.loader(
      args(
        request(`/secretariat/screening/export.csv?edition=${w.edition.id}`, { cookie: await cookieFor(french.id) }),
      ),
    )) as Response;
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text).toContain(`Candidature effacée ${pseudonym.slice(-4)}`);
    expect(text).not.toContain("Erased application");
  });

  it("the XLSX export's tab is named in the secretariat's profile language, not in English", async () => {
    const w = await world();
    w.nominate("Projet");
    const arabic = await makeUser({ roles: ["secretariat"], locale: "ar" });
    const response = (await xlsx.loader(
      args(
        request(`/secretariat/screening/export.xlsx?edition=${w.edition.id}`, {
          cookie: await cookieFor(arabic.id),
          headers: { "Accept-Language": "en" },
        }),
      ),
    )) as Response;
    const workbook = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))["xl/workbook.xml"]);
    expect(workbook).toContain('<sheet name="فحص الأهلية"');
  });

  it("screening one form: a failed rule without evidence is refused and kept; with evidence the candidate is ineligible and mailed in Arabic", async () => {
    const w = await world();
    const app = w.nominate("Rule test");
    const form = {
      applicationId: app.id,
      editionId: w.edition.id,
      [`outcome__${w.keys[0]}`]: "pass",
      [`outcome__${w.keys[1]}`]: "fail",
      [`evidence__${w.keys[1]}`]: "",
      [`outcome__${w.keys[2]}`]: "pass",
    };
    const refused = await run(() =>
      screen.action(
        args(request(`/secretariat/screening/${app.id}`, { cookie: w.cookie, form }), { applicationId: app.id }),
      ),
    );
    expect(refused).toMatchObject({
      status: 400,
      body: {
        errors: { [`evidence__${w.keys[1]}`]: { message: "errors.evidence_required" } },
        values: { [`outcome__${w.keys[1]}`]: "fail" },
      },
    });
    const tampered = await run(() =>
      screen.action(
        args(
          request(`/secretariat/screening/${app.id}`, {
            cookie: w.cookie,
            form: { ...form, editionId: makeEdition().id, [`evidence__${w.keys[1]}`]: "x" },
          }),
          { applicationId: app.id },
        ),
      ),
    );
    expect(tampered).toMatchObject({
      status: 400,
      body: { errors: { [`outcome__${w.keys[0]}`]: { message: "errors.form_tampered" } } },
    });
    expect(
      db().select().from(screeningDecisions).where(eq(screeningDecisions.applicationId, app.id)).all(),
    ).toHaveLength(0);
    const saved = await run(() =>
      screen.action(
        args(
          request(`/secretariat/screening/${app.id}`, {
            cookie: w.cookie,
            form: { ...form, [`evidence__${w.keys[1]}`]: "No ICT used" },
          }),
          { applicationId: app.id },
        ),
      ),
    );
    expect(saved.status).toBe(302);
    expect(db().select().from(applications).where(eq(applications.id, app.id)).get()!.state).toBe("ineligible");
    const mail = db()
      .select()
      .from(outbox)
      .where(eq(outbox.template, "application_ineligible"))
      .all()
      .find((m) => m.toAddress === w.applicant.email)!;
    expect(mail.locale).toBe("ar");
    expect(mail.textBody).toContain(`قاعدة ${w.keys[1]}`);
    expect(mail.textBody).toContain("No ICT used");
  });
});
