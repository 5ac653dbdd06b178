import type { ReactNode } from "react";
import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "../../kernel/components/i18n";
import { Notice } from "../../kernel/components/notice";

const STEPS = [
  ["results", "results.title"],
  ["deliberation", "results.deliberation_title"],
  ["decision", "results.decision_title"],
] as const;

/** The secretariat's three steps from scores to laureates, the current one marked. */
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

/**
 * The head of each results step: the way back, the heading, an optional lead, the steps and,
 * after a redirect, the notice that the post succeeded (`notices` pairs a query parameter with
 * its message).
 */
export function ResultsStepHeader({
  editionId,
  heading,
  current,
  lead,
  notices = [],
}: {
  editionId: string;
  heading: string;
  current: (typeof STEPS)[number][0];
  lead?: ReactNode;
  notices?: [param: string, message: string][];
}) {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/secretariat">{t("secretariat.title")}</Link>
      </p>
      <h1>{heading}</h1>
      {lead}
      <ResultsSteps editionId={editionId} current={current} />
      {notices.map(([param, message]) => (params.get(param) ? <Notice key={param}>{t(message)}</Notice> : null))}
    </>
  );
}
