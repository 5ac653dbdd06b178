// What a laureate's application page adds once the outcome is public, for the applicant and for
// the nominating entity alike (app/applications/components/lists.tsx, LaureateFacts).
import { can } from "../../accounts/server/permissions.server";
import type { SessionUser } from "../../accounts/server/session.server";
import { laureateOutcome } from "../../results/models/archive.server";
import { diplomaRevocationOf } from "../../results/models/diploma-codes.server";

/**
 * The announcement, the jury's citation and the diploma for whom may download it; null before
 * the announcement or for an application that is not a laureate. A revoked diploma is not
 * offered: the page says when and why it was revoked, as the public verification page does.
 */
export function laureateFactsFor(user: SessionUser, applicationId: string) {
  const laureate = laureateOutcome({ applicationId });
  if (!laureate) return null;
  const revoked = diplomaRevocationOf({ applicationId });
  return {
    announcementAt: laureate.announcementAt,
    citation: laureate.citation,
    diploma: !revoked && can(user, "diploma.download", { ownerId: laureate.applicantId }),
    revoked: revoked ? { at: revoked.at.getTime(), reason: revoked.reason } : null,
  };
}
