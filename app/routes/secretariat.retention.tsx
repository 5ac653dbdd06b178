// The secretariat sets how long each class of personal data is kept; the scheduled job applies
// it and the privacy notice shows it. A change is audited with what it was and what it became.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { retentionPreview, retentionSchedule, setRetentionSchedule } from "../accounts/models/retention.server";
import { retentionSchema } from "../accounts/forms/erasure.server";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { SecretariatHead } from "../kernel/components/secretariat-head";
import { PostButton } from "../kernel/components/post-button";
import { useT } from "../kernel/components/i18n";
import { KEPT_CLASSES, RETENTION_CLASSES, RETENTION_KEYS } from "../kernel/domain/retention";
import { refused, validateForm } from "../kernel/forms/validate.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "data.retention_title" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  return { schedule: retentionSchedule() };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const form = await validateForm(request, retentionSchema);
  if (!form.ok) return refused(form.errors, form.values);
  const { intent, ...schedule } = form.data;
  // A shorter period removes data at the job's next run, within a minute, for good: one mistyped
  // number must not do that unseen. The first post says what would go; the second saves.
  const current = retentionSchedule();
  if (intent !== "confirm" && RETENTION_KEYS.some((k) => schedule[k] < current[k]))
    return { confirm: { ...retentionPreview({ schedule }), schedule } };
  setRetentionSchedule({ schedule, actorId: user.id });
  return redirect("/secretariat/retention?saved=1");
});

export default function Retention() {
  const t = useT();
  const { schedule } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const confirm = result && "confirm" in result ? result.confirm : null;
  if (confirm)
    return (
      <>
        <SecretariatHead title={t("data.retention_confirm_title")} notice={null} />
        <p role="status">{t("data.retention_confirm_text")}</p>
        <ul>
          <li>{t("data.retention_confirm_applications", { count: confirm.applications })}</li>
          <li>{t("data.retention_confirm_emails", { count: confirm.emails })}</li>
        </ul>
        <p>{t("data.retention_confirm_schedule")}</p>
        <ul>
          {RETENTION_KEYS.map((k) => (
            <li key={k}>
              {t("data.retention_confirm_change", {
                label: t(`data.retention_class.${k}`),
                from: schedule[k],
                to: confirm.schedule[k],
                unit: t(`data.retention_unit_name.${RETENTION_CLASSES[k].unit}`),
              })}
            </li>
          ))}
        </ul>
        <div className="button-row">
          <PostButton
            fields={{
              intent: "confirm",
              ...Object.fromEntries(RETENTION_KEYS.map((k) => [k, String(confirm.schedule[k])])),
            }}
            className="button danger"
          >
            {t("data.retention_confirm")}
          </PostButton>
          <Link to="/secretariat/retention">{t("data.retention_back")}</Link>
        </div>
      </>
    );
  return (
    <>
      <SecretariatHead
        title={t("data.retention_title")}
        notice={params.get("saved") ? t("data.retention_saved") : null}
      />
      <p>{t("data.retention_lead")}</p>
      <ValidatedForm
        id="retention"
        schema={() => import("../accounts/forms/erasure").then((m) => m.retentionSchema)}
        result={result && "errors" in result ? result : null}
        defaultValues={Object.fromEntries(RETENTION_KEYS.map((k) => [k, String(schedule[k])]))}
      >
        {RETENTION_KEYS.map((k) => {
          const c = RETENTION_CLASSES[k];
          return (
            <TextField
              key={k}
              name={k}
              type="number"
              label={t(`data.retention_class.${k}`)}
              hint={t("data.retention_field_hint", {
                unit: t(`data.retention_unit_name.${c.unit}`),
                min: c.min,
                max: c.max,
              })}
            />
          );
        })}
        <SubmitButton>{t("data.retention_save")}</SubmitButton>
      </ValidatedForm>
      <p>{t("data.retention_fixed")}</p>
      <ul>
        {KEPT_CLASSES.map((k) => (
          <li key={k}>
            {t(`data.retention_class.${k}`)}: {t("data.retention_kept")}
          </li>
        ))}
      </ul>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
