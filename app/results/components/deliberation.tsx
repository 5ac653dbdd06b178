// What the jury's ballot and the secretariat's deliberation and decision pages show alike.
import { Checkbox, resultForIntent, SubmitButton, ValidatedForm, type FormResult } from "../../kernel/components/form";
import { useT } from "../../kernel/components/i18n";

/** Applications by reference and title, in the order given (a shortlist, the laureates). */
export function ApplicationList({
  applications,
}: {
  applications: { id: string; reference: string; title: string }[];
}) {
  return (
    <ul>
      {applications.map((a) => (
        <li key={a.id}>
          {a.reference} <bdi>{a.title}</bdi>
        </li>
      ))}
    </ul>
  );
}

/** The form that closes the ballot, under its heading: the chair's (a secondary action) or the secretariat's. */
export function CloseBallotForm({ result, secondary }: { result: FormResult | null | undefined; secondary?: boolean }) {
  const t = useT();
  return (
    <>
      <h2>{t("results.close_title")}</h2>
      <ValidatedForm
        id="close"
        result={resultForIntent(result, "close")}
        schema={() => import("../forms/deliberation").then((m) => m.closeBallotSchema)}
      >
        <input type="hidden" name="intent" value="close" />
        <Checkbox name="confirm" label={t("results.close_confirm")} />
        <SubmitButton secondary={secondary}>{t("results.close_submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
