import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { loader } from "../../../app/routes/account_.data[.]zip";
import { addAttachment } from "../../../app/applications/models/attachment.server";
import { cookieFor, makeUser, request } from "../../fixtures/builders";
import { makeOpenEdition, startFor, tinyPdf } from "../../fixtures/applications";

const get = (cookie?: string) =>
  loader({ request: request("/account/data.zip", { cookie }), params: {}, context: {} } as LoaderFunctionArgs);

async function applicantWithFile(name: string, file: string) {
  const edition = makeOpenEdition();
  const user = await makeUser({ name });
  const applicationId = startFor(user.id, edition.id);
  const added = await addAttachment({ applicationId, applicantId: user.id, name: file, bytes: tinyPdf() });
  expect(added.ok).toBe(true);
  return { user, applicationId };
}

describe("download my data", () => {
  it("answers a ZIP download of the signed-in person's data, with their own files and nobody else's", async () => {
    const a = await applicantWithFile("Alice Archive", "alice-report.pdf");
    const b = await applicantWithFile("Bob Backup", "bob-report.pdf");
    for (const [self, other] of [
      [a, b],
      [b, a],
    ]) {
      const res = await get(await cookieFor(self.user.id));
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/zip");
      expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.zip"/);
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const names = Object.keys(files);
      expect(names).toEqual(expect.arrayContaining(["profile.json", "applications.json", "emails.json", "audit.json"]));
      expect(JSON.parse(strFromU8(files["profile.json"]))).toMatchObject({ id: self.user.id, email: self.user.email });
      const apps = JSON.parse(strFromU8(files["applications.json"]));
      expect(apps.applications.map((x: { id: string }) => x.id)).toEqual([self.applicationId]);
      const attached = names.filter((n) => n.startsWith("attachments/"));
      expect(attached).toHaveLength(1);
      expect(strFromU8(files[attached[0]].slice(0, 5))).toBe("%PDF-");
      const everything =
        names.join("\n") +
        Object.values(files)
          .map((bytes) => strFromU8(bytes, true))
          .join("\n");
      for (const leak of [other.user.id, other.user.email, other.user.name, other.applicationId]) {
        expect(everything).not.toContain(leak);
      }
      expect(everything).not.toContain(self === a ? "bob-report" : "alice-report");
    }
  });

  it("sends a visitor to the sign-in page", async () => {
    const res = await get().catch((thrown: unknown) => thrown as Response);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
  });
});
