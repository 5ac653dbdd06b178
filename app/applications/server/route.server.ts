// Shared step of the applicant's pages, after the auth call: their application, or 404.
import { notFound } from "../../accounts/server/permissions.server";
import {
  getApplicationForApplicant,
  listEligibilityRules,
  type ApplicantApplication,
} from "../models/application.server";

export function ownApplication(applicantId: string, applicationId: string | undefined) {
  const application = applicationId ? getApplicationForApplicant({ applicationId, applicantId }) : null;
  if (!application) notFound();
  return application;
}

/** The edition's eligibility rules, each with whether the applicant has declared it met. */
export function rulesDeclared(application: ApplicantApplication) {
  return listEligibilityRules({ editionId: application.editionId }).map((r) => ({
    ...r,
    declared: application.declarations[r.key] === true,
  }));
}

export function intOf(value: unknown): number {
  const n = Number.parseInt(String(value ?? ""), 10);
  return Number.isFinite(n) ? n : 0;
}
