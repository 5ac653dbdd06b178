import type { ReactNode } from "react";
import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "../../kernel/components/i18n";
import { Notice } from "../../kernel/components/notice";
import { themeOf } from "./labels";

// Each step: its page, its name in the steps, and its page's heading (which names the year).
const STEPS = [
  ["results", "results.title", "results.heading"],
  ["deliberation", "results.deliberation_title", "results.deliberation_heading"],
  ["decision", "results.decision_title", "results.decision_heading"],
  ["integrity", "integrity.title", "integrity.heading"],
] as const;

/** The secretariat's steps from scores to laureates, and the audits of them, the current one marked. */
export function ResultsSteps({ editionId, current }: { editionId: string; current: (typeof STEPS)[number][0] }) {
  const t = useT();
  return (
    <nav aria-label={t("results.steps")}>
      <ul className="results-steps">
        {STEPS.map(([step, label]) => (
          <li key={step}>
            <Link
              to={`/secretariat/editions/${editionId}/${step}`}
              aria-current={step === current ? "page" : undefined}
            >
              {t(label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The edition's theme in the viewer's language, as a page's lead. */
export function ThemeLead({ edition }: { edition: Parameters<typeof themeOf>[0] }) {
  const t = useT();
  return (
    <p className="lead">
      <bdi>{themeOf(edition, t.locale)}</bdi>
    </p>
  );
}

/**
 * The head of each results step: the way back, the step's heading for the edition's year, an
 * optional lead, the steps and, after a redirect, the notice that the post succeeded (`notices`
 * pairs a query parameter with its message).
 */
export function ResultsStepHeader({
  edition,
  current,
  lead,
  notices = [],
}: {
  edition: { id: string; year: number };
  current: (typeof STEPS)[number][0];
  lead?: ReactNode;
  notices?: [param: string, message: string][];
}) {
  const t = useT();
  const [params] = useSearchParams();
  const heading = STEPS.find(([step]) => step === current)![2];
  return (
    <>
      <p>
        <Link to="/secretariat">{t("secretariat.title")}</Link>
      </p>
      <h1>{t(heading, { year: edition.year })}</h1>
      {lead}
      <ResultsSteps editionId={edition.id} current={current} />
      {notices.map(([param, message]) => (params.get(param) ? <Notice key={param}>{t(message)}</Notice> : null))}
    </>
  );
}

/**
 * While the edition is in scoring, the way to close it early: moving to deliberation closes
 * scoring at once. The phase page says what that does and asks for a confirmation.
 */
export function CloseScoringNow({ edition }: { edition: { id: string; phase: string } }) {
  const t = useT();
  if (edition.phase !== "scoring") return null;
  return (
    <p>
      {t("results.close_scoring_hint")}{" "}
      <Link to={`/secretariat/editions/${edition.id}/phase?to=deliberation`}>{t("results.close_scoring_now")}</Link>
    </p>
  );
}
