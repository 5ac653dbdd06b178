// The eligible applications of an edition as the jury's forms offer them: the list a juror
// declares conflicts on, and how the secretariat names one (from a list when there are few, by
// reference number beyond).
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type DB } from "../../../db/client";
import { applications, nominatingEntities } from "../../../db/schema";
import { eligibleIn, eligibleRows, fail, titleOrder, type Failure, type Tx } from "./shared.server";
import { applicationNaming } from "../../applications/models/columns.server";

/** Applications in the jury's scope: those found eligible at screening (without their content, which is heavy). */
export function eligibleApplications(editionId: string, tx: Tx | DB = db()) {
  return tx
    .select({
      ...applicationNaming,
      language: applications.language,
      contactEmail: applications.contactEmail,
      entityCountry: nominatingEntities.country,
    })
    .from(applications)
    .leftJoin(nominatingEntities, eq(nominatingEntities.id, applications.entityId))
    .where(eligibleIn(editionId))
    .orderBy(...titleOrder)
    .all();
}

/** Up to this many eligible applications, forms offer them in a list; beyond, by reference number. */
export const APPLICATION_SELECT_LIMIT = 200;

export function countEligible({ editionId }: { editionId: string }): number {
  return db()
    .select({ n: sql<number>`count(*)` })
    .from(applications)
    .where(eligibleIn(editionId))
    .get()!.n;
}

/**
 * How a form lets the secretariat name an application: the list of eligible applications when
 * there are few, or null when there are too many for a list (the form then asks for a reference).
 */
export function applicationOptions({ editionId }: { editionId: string }): { value: string; label: string }[] | null {
  if (countEligible({ editionId }) > APPLICATION_SELECT_LIMIT) return null;
  return eligibleRows(editionId, { value: applications.id, label: applications.title });
}

/**
 * The application a form names, by id (from a list) or by reference number (typed): its id, or
 * a failure on the field used. A reference is matched as typed or in capitals.
 */
export function resolveApplication({
  editionId,
  applicationId,
  reference,
}: {
  editionId: string;
  applicationId?: string;
  reference?: string;
}): { ok: true; id: string } | Failure {
  if (reference === undefined)
    return applicationId ? { ok: true, id: applicationId } : fail("applicationId", "errors.required");
  const typed = reference.trim();
  if (!typed) return fail("reference", "errors.required");
  const app = db()
    .select({ id: applications.id })
    .from(applications)
    .where(and(eligibleIn(editionId), inArray(applications.reference, [...new Set([typed, typed.toUpperCase()])])))
    .get();
  return app ? { ok: true, id: app.id } : fail("reference", "errors.jury_reference_unknown", { reference: typed });
}
