import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireSecretariat } from "../accounts/server/permissions.server";
import {
  Checkbox,
  SelectField,
  SubmitButton,
  TextField,
  ValidatedForm,
  type FormResult,
} from "../kernel/components/form";
import { ShownName, shownPseudonym, useT } from "../kernel/components/i18n";
import { SecretariatHead } from "../kernel/components/secretariat-head";
import { invitationSchema, invitationWithdrawalSchema } from "../accounts/forms/invitation.server";
import { failed, readForm, refused, validateForm } from "../kernel/forms/validate.server";
import { formatDate, LOCALE_NAMES, LOCALES } from "../kernel/i18n";
import {
  createInvitation,
  getOpenInvitation,
  invitationSent,
  listInvitations,
  withdrawOpenInvitation,
} from "../accounts/models/invitations.server";
import { Pager, pageParam } from "../kernel/components/pager";
import { listEditionsBrief, listEntities } from "../nominations/models/entity.server";
import { clientAddress } from "../kernel/server/http.server";
import { siteOrigin } from "../kernel/server/site.server";
import { EntityField } from "../nominations/components/entity-fields";
import { DataTable } from "../kernel/components/table";
import { INVITATION_ROLES, PHASES, type Phase } from "../../db/enums";
import { ActionLink } from "../kernel/components/action-link";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "invitations.title" };

type InvitationRole = (typeof INVITATION_ROLES)[number];

/** The role an invitation form is for (`?new=juror`), or null: `?new=1` asks for it first. */
function roleOf(value: unknown): InvitationRole | null {
  return INVITATION_ROLES.find((role) => role === value) ?? null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  // Each role's form asks only what that role needs, so it carries one long list at most: the
  // ~200 nominating entities for a nominator, the editions for a juror or an observer.
  const url = new URL(request.url);
  const role = roleOf(url.searchParams.get("new"));
  // `?withdraw=<id>` is the confirmation step of a withdrawal: an invitation no longer open is no page.
  const withdrawId = url.searchParams.get("withdraw");
  const withdrawing = withdrawId ? getOpenInvitation({ id: withdrawId }) : null;
  // Back to the step after the withdrawal, or an invitation accepted meanwhile: the list says so.
  if (withdrawId && !withdrawing) {
    if (invitationSent({ id: withdrawId })) throw redirect("/secretariat/invitations?not_withdrawn=1");
    notFound();
  }
  return {
    withdrawing,
    ...listInvitationsPage(pageParam(request)),
    entities: role === "nominator" ? listEntities().map((e) => ({ id: e.id, name: e.name })) : [],
    // A juror is offered the editions whose jury still works (the invitation checks the date too).
    editions:
      role === "juror" || role === "observer"
        ? listEditionsBrief()
            .filter((e) => role === "observer" || PHASES.indexOf(e.phase as Phase) <= PHASES.indexOf("scoring"))
            .map((e) => ({ id: e.id, year: e.year }))
        : [],
  };
}

function listInvitationsPage(page: number) {
  const { rows, pages } = listInvitations({ page });
  return {
    page,
    pages,
    invitations: rows.map((i) => ({
      ...i,
      createdAt: i.createdAt.getTime(),
      expiresAt: i.expiresAt.getTime(),
      acceptedAt: i.acceptedAt?.getTime() ?? null,
      withdrawnAt: i.withdrawnAt?.getTime() ?? null,
    })),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, context }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "withdraw") {
    const withdrawal = await validateForm(request, invitationWithdrawalSchema, formData);
    if (!withdrawal.ok) return refused(withdrawal.errors, withdrawal.values);
    const { invitationId } = withdrawal.data;
    const done = withdrawOpenInvitation({ id: invitationId, actorId: user.id });
    return redirect(`/secretariat/invitations?${done ? "withdrawn" : "not_withdrawn"}=1`);
  }
  const form = await validateForm(request, invitationSchema, formData);
  if (!form.ok) return refused(form.errors, form.values);
  const result = createInvitation({
    ...form.data,
    isChair: !!form.data.isChair,
    invitedBy: user.id,
    origin: siteOrigin(),
    address: clientAddress(context),
  });
  if (!result.ok) return failed(result, form.values, "errors.too_many_requests");
  return redirect(`/secretariat/invitations?sent=${result.replaced ? "again" : "1"}`);
});

export default function Invitations() {
  const t = useT();
  const { invitations, entities, editions, page, pages, withdrawing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  // One thing per page: the invitation form (with its long list) apart from the list.
  const inviting = !!params.get("new") || !!result?.errors;
  const role = roleOf(params.get("new"));
  const now = Date.now();
  if (withdrawing) return <WithdrawalStep invitation={withdrawing} />;
  const notice = params.get("sent")
    ? t(params.get("sent") === "again" ? "invitations.sent_again" : "invitations.sent")
    : params.get("withdrawn")
      ? t("invitations.withdrawn_notice")
      : params.get("not_withdrawn")
        ? t("invitations.not_withdrawn")
        : null;
  return (
    <>
      <SecretariatHead title={t("invitations.title")} notice={notice} />
      {inviting ? (
        <>
          <p>
            <Link to=".">{t("invitations.back_to_list")}</Link>
          </p>
          <h2>{t("invitations.new")}</h2>
          {role ? (
            <InvitationForm role={role} entities={entities} editions={editions} result={result} />
          ) : (
            <>
              {result?.errors ? (
                <div className="notice" role="alert">
                  {t("errors.role_invalid")}
                </div>
              ) : null}
              <p id="invite-role">{t("invitations.choose_role")}</p>
              <ul aria-labelledby="invite-role">
                {INVITATION_ROLES.map((r) => (
                  <li key={r}>
                    <Link to={`?new=${r}`}>{t(`role.${r}`)}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <>
          <ActionLink to="?new=1">{t("invitations.new")}</ActionLink>
          <h2>{t("invitations.list")}</h2>
          <DataTable
            rows={invitations}
            empty="invitations.empty"
            columns={[
              {
                head: "fields.full_name",
                cell: (i) => (
                  <>
                    <ShownName text={i.name} />
                    <br />
                    <span className="muted" dir="ltr">
                      {i.email}
                    </span>
                  </>
                ),
              },
              { head: "fields.role", cell: (i) => t(`role.${i.role}`) },
              {
                head: "invitations.for",
                cell: (i) => <bdi>{i.entityName ?? (i.editionYear ? String(i.editionYear) : "—")}</bdi>,
              },
              {
                head: "invitations.status",
                cell: (i) =>
                  i.acceptedAt
                    ? t("invitations.accepted", { date: formatDate(i.acceptedAt, t.locale) })
                    : i.withdrawnAt
                      ? t("invitations.withdrawn", { date: formatDate(i.withdrawnAt, t.locale) })
                      : i.expiresAt < now
                        ? t("invitations.expired")
                        : t("invitations.pending", { date: formatDate(i.expiresAt, t.locale) }),
              },
              {
                head: "invitations.actions",
                cell: (i) =>
                  !i.acceptedAt && i.expiresAt >= now ? (
                    <Link
                      to={`?withdraw=${i.id}`}
                      aria-label={t("invitations.withdraw_one", { name: shownPseudonym(i.name, t) })}
                    >
                      {t("invitations.withdraw")}
                    </Link>
                  ) : null,
              },
            ]}
          />
          <Pager page={page} pages={pages} search={params.toString()} />
        </>
      )}
    </>
  );
}

/** The confirmation step of a withdrawal, on a page of its own so that it works without JavaScript. */
function WithdrawalStep({ invitation }: { invitation: NonNullable<ReturnType<typeof getOpenInvitation>> }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const vars = { name: shownPseudonym(invitation.name, t), email: invitation.email };
  return (
    <>
      <p>
        <Link to=".">{t("invitations.back_to_list")}</Link>
      </p>
      <h1>{t("invitations.withdraw_title")}</h1>
      <dl className="summary">
        <dt>{t("fields.full_name")}</dt>
        <dd>
          <ShownName text={invitation.name} />
        </dd>
        <dt>{t("fields.email")}</dt>
        <dd dir="ltr">{invitation.email}</dd>
        <dt>{t("fields.role")}</dt>
        <dd>{t(`role.${invitation.role}`)}</dd>
        {invitation.entityName || invitation.editionYear ? (
          <>
            <dt>{t("invitations.for")}</dt>
            <dd>
              <bdi>{invitation.entityName ?? String(invitation.editionYear)}</bdi>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="lead">{t("invitations.withdraw_confirm", vars)}</p>
      <ValidatedForm
        id="withdraw"
        schema={() => import("../accounts/forms/invitation").then((m) => m.invitationWithdrawalSchema)}
        result={result}
      >
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="invitationId" value={invitation.id} />
        <div className="button-row">
          <SubmitButton>{t("invitations.withdraw_submit")}</SubmitButton>
          <Link to=".">{t("invitations.withdraw_cancel")}</Link>
        </div>
      </ValidatedForm>
    </>
  );
}

/** The invitation of one role: its hidden role, and only the fields that role needs. */
function InvitationForm({
  role,
  entities,
  editions,
  result,
}: {
  role: InvitationRole;
  entities: { id: string; name: string }[];
  editions: { id: string; year: number }[];
  result: FormResult | undefined;
}) {
  const t = useT();
  return (
    <>
      <p>
        {t("fields.labelled", { label: t("fields.role") })} <strong>{t(`role.${role}`)}</strong> ·{" "}
        <Link to="?new=1">{t("invitations.change_role")}</Link>
      </p>
      {role === "nominator" && entities.length === 0 ? (
        <p className="panel">
          {t("invitations.no_entities")} <Link to="/secretariat/entities">{t("entities.add")}</Link>
        </p>
      ) : null}
      <ValidatedForm
        id="invite"
        action={`?new=${role}`}
        schema={() => import("../accounts/forms/invitation").then((m) => m.invitationSchema)}
        result={result}
        defaultValues={{ locale: t.locale }}
      >
        <input type="hidden" name="role" value={role} />
        <TextField name="name" label={t("fields.full_name")} dirAuto />
        <TextField name="email" label={t("fields.email")} type="email" />
        <SelectField
          name="locale"
          label={t("fields.language")}
          hint={t("invitations.language_hint")}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
        />
        {role === "nominator" ? (
          <EntityField
            name="entityId"
            label={t("fields.entity")}
            hint={t("invitations.entity_hint")}
            entities={entities}
          />
        ) : null}
        {role === "juror" || role === "observer" ? (
          <SelectField
            name="editionId"
            label={t("fields.edition")}
            hint={editions.length ? t("invitations.edition_hint") : t("invitations.no_editions")}
            placeholder={t("fields.choose")}
            options={editions.map((e) => ({ value: e.id, label: String(e.year) }))}
          />
        ) : null}
        {role === "juror" ? <Checkbox name="isChair" label={t("invitations.chair")} /> : null}
        <SubmitButton>{t("invitations.submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
