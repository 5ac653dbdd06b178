import { Link } from "@remix-run/react";
import { useT } from "../../kernel/components/i18n";

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
