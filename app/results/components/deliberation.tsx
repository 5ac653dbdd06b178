// What the jury's ballot and the secretariat's deliberation and decision pages show alike.
import { Checkbox, SubmitButton, ValidatedForm, type FormResult } from "../../kernel/components/form";
import { useT } from "../../kernel/components/i18n";
import { ShownName } from "../../kernel/components/i18n";

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
          {a.reference} <ShownName text={a.title} />
        </li>
      ))}
    </ul>
  );
}

// The two votes that close on a ticked box: the ballot and the tie-break's run-off.
const CLOSE = {
  close: { schema: "closeBallotSchema", confirm: "results.close_confirm", submit: "results.close_submit" },
  close_runoff: {
    schema: "closeRunoffSchema",
    confirm: "deliberation.runoff_close_confirm",
    submit: "deliberation.runoff_close_title",
  },
} as const;

function CloseForm({
  intent,
  result,
  secondary,
}: {
  intent: keyof typeof CLOSE;
  result: FormResult | null | undefined;
  secondary?: boolean;
}) {
  const t = useT();
  const close = CLOSE[intent];
  return (
    <ValidatedForm
      intent={intent}
      result={result}
      schema={() => import("../forms/deliberation").then((m) => m[close.schema])}
    >
      <Checkbox name="confirm" label={t(close.confirm)} />
      <SubmitButton secondary={secondary}>{t(close.submit)}</SubmitButton>
    </ValidatedForm>
  );
}

/** The form that closes the ballot, under its heading: the chair's (a secondary action) or the secretariat's. */
export function CloseBallotForm({ result, secondary }: { result: FormResult | null | undefined; secondary?: boolean }) {
  const t = useT();
  return (
    <>
      <h2>{t("results.close_title")}</h2>
      <CloseForm intent="close" result={result} secondary={secondary} />
    </>
  );
}

/** The form that closes the run-off, under its heading and how many jurors have voted in it. */
export function CloseRunoffForm({ result, voters }: { result: FormResult | null | undefined; voters: number }) {
  const t = useT();
  return (
    <>
      <h3>{t("deliberation.runoff_close_title")}</h3>
      <p>{t("deliberation.runoff_voters", { count: voters })}</p>
      <CloseForm intent="close_runoff" result={result} secondary />
    </>
  );
}
