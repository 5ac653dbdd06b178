import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { found, requireSecretariat } from "../accounts/server/permissions.server";
import { Checkbox, SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { JurorProfileFields, LanguageField } from "../accounts/components/account-fields";
import { ShownName, shownPseudonym, useT } from "../kernel/components/i18n";
import { JurySecretariatNav } from "../jury/components/secretariat-nav";
import { splitList } from "../kernel/forms/form-values";
import { jurySchema } from "../jury/forms/jury.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { countryName, isCountryCode, sortedCountries } from "../kernel/i18n/countries";
import { formatList } from "../kernel/i18n";
import { mailThrottle } from "../accounts/models/account.server";
import { createInvitation } from "../accounts/models/invitations.server";
import { listJury, replaceJuror, updateJuror } from "../jury/models/members.server";
import { getJuryEdition } from "../jury/models/shared.server";
import juryCss from "../styles/jury.css";
import { routeHead } from "../kernel/components/route-head";
import { clientAddress } from "../kernel/server/http.server";
import { siteOrigin } from "../kernel/server/site.server";
import { DataTable } from "../kernel/components/table";
import { Notice } from "../kernel/components/notice";
import { ActionLink } from "../kernel/components/action-link";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("jury.members.title", juryCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const edition = found(getJuryEdition({ editionId: params.editionId ?? "" }));
  const url = new URL(request.url);
  const members = listJury({ editionId: edition.id }).map((m) => ({
    id: m.id,
    name: m.name,
    email: m.email,
    isChair: m.isChair,
    country: m.country,
    languages: m.languages,
    expertise: m.expertise,
    replaced: !!m.replacedAt,
  }));
  const edit = members.find((m) => m.id === url.searchParams.get("edit") && !m.replaced) ?? null;
  const replace = members.find((m) => m.id === url.searchParams.get("replace") && !m.replaced) ?? null;
  return { edition: { id: edition.id, year: edition.year }, members, edit, replace };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params, context }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const edition = found(getJuryEdition({ editionId: params.editionId ?? "" }));
  const form = await validateForm(request, jurySchema);
  const bad = (
    errors: Record<string, { message: string; vars?: Record<string, string | number> }>,
    intent: unknown,
    status = 400,
  ) => data({ errors, values: form.values, intent }, { status });
  if (!form.ok) return bad(form.errors, form.values.intent);
  const input = form.data;
  const here = `/secretariat/editions/${edition.id}/jury`;
  // An invitation to a seat on this jury: a new one, or that of a juror replaced.
  const inviteJuror = (
    invitee: { name: string; email: string; locale: string },
    seat: { isChair: boolean; country: string | null; languages: string[] },
  ) =>
    createInvitation({
      invitedBy: user.id,
      role: "juror",
      editionId: edition.id,
      name: invitee.name,
      email: invitee.email,
      locale: invitee.locale,
      isChair: seat.isChair,
      jurorCountry: seat.country,
      jurorLanguages: seat.languages,
      origin: siteOrigin(),
      address: clientAddress(context),
    });
  if ((input.intent === "update" || input.intent === "invite") && input.country && !isCountryCode(input.country))
    return bad(fieldError("country", "errors.country_invalid"), input.intent);
  if (input.intent === "update") {
    const done = updateJuror({
      editionId: edition.id,
      actorId: user.id,
      memberId: input.memberId,
      country: input.country || null,
      languages: splitList(input.languages.toLowerCase()),
      expertise: splitList(input.expertise, /[,\n]+/),
      isChair: !!input.isChair,
    });
    if (!done.ok) return bad(fieldError(done.field, done.error), "update");
    return redirect(`${here}?updated=1`);
  }
  if (input.intent === "invite") {
    const done = inviteJuror(input, {
      isChair: !!input.isChair,
      country: input.country || null,
      languages: splitList(input.languages.toLowerCase()),
    });
    if (!done.ok)
      return bad(
        fieldError(done.field, done.error, done.vars),
        "invite",
        done.error === "errors.too_many_requests" ? 429 : 400,
      );
    return redirect(`${here}?invited=${done.replaced ? "again" : "1"}`);
  }
  const member = listJury({ editionId: edition.id }).find((m) => m.id === input.memberId && !m.replacedAt);
  if (!member) return bad(fieldError("memberId", "errors.jury_juror_unknown"), "replace");
  // Checked before replacing: a replacement whose invitation could not be sent would leave a seat empty.
  const throttled = mailThrottle({ kind: "invitation", email: input.email, address: clientAddress(context) });
  if (throttled) return bad(fieldError(throttled.field, throttled.error, throttled.vars), "replace", 429);
  const done = replaceJuror({ editionId: edition.id, actorId: user.id, memberId: member.id });
  if (!done.ok) return bad(fieldError(done.field, done.error), "replace");
  inviteJuror(input, member);
  return redirect(`${here}?replaced=1`);
});

/** A juror by name, marked as the chair or as replaced. */
function JurorName({ member }: { member: { name: string; isChair: boolean; replaced: boolean } }) {
  const t = useT();
  return (
    <>
      <ShownName text={member.name} />
      {member.isChair ? <> ({t("jury.members.chair")})</> : null}
      {member.replaced ? <> — {t("jury.members.replaced")}</> : null}
    </>
  );
}

export default function JuryMembers() {
  const t = useT();
  const { edition, members, edit, replace } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("updated")
    ? "jury.members.updated"
    : params.get("invited")
      ? params.get("invited") === "again"
        ? "jury.members.invited_again"
        : "jury.members.invited"
      : params.get("replaced")
        ? "jury.members.replaced_notice"
        : null;
  const countries = sortedCountries(t.locale).map((c) => ({ value: c.code, label: c.name }));
  const inviting = !!params.get("invite") || result?.intent === "invite";
  // One thing per page: a form with the long country list is shown without the members table.
  const focused = !!edit || !!replace || inviting;
  return (
    <>
      <JurySecretariatNav editionId={edition.id} year={edition.year} />
      <h1>{t("jury.members.title")}</h1>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      {focused ? (
        <p>
          <Link to=".">{t("jury.members.title")}</Link>
        </p>
      ) : (
        <DataTable
          rows={members}
          empty="jury.members.empty"
          columns={[
            { head: "jury.juror", cell: (m) => <JurorName member={m} /> },
            { head: "fields.country", cell: (m) => countryName(m.country, t.locale) || "—" },
            { head: "jury.members.languages", cell: (m) => formatList(m.languages, t.locale) },
            { head: "jury.members.expertise", cell: (m) => formatList(m.expertise, t.locale) || "—", dir: "auto" },
            {
              head: "jury.progress.actions",
              cell: (m) =>
                m.replaced ? null : (
                  <>
                    <Link
                      to={`?edit=${m.id}`}
                      aria-label={t("jury.members.edit_one", { name: shownPseudonym(m.name, t) })}
                    >
                      {t("jury.members.edit")}
                    </Link>{" "}
                    <Link
                      to={`?replace=${m.id}`}
                      aria-label={t("jury.members.replace_one", { name: shownPseudonym(m.name, t) })}
                    >
                      {t("jury.members.replace")}
                    </Link>
                  </>
                ),
            },
          ]}
        />
      )}
      {edit ? (
        <>
          <h2>{t("jury.members.edit_title", { name: shownPseudonym(edit.name, t) })}</h2>
          <ValidatedForm
            schema={() => import("../jury/forms/jury").then((m) => m.updateJurorSchema)}
            intent="update"
            result={result}
            defaultValues={{
              country: edit.country ?? "",
              languages: edit.languages.join(", "),
              expertise: edit.expertise.join(", "),
              isChair: edit.isChair ? "on" : "",
            }}
          >
            <input type="hidden" name="memberId" value={edit.id} />
            <JurorProfileFields countries={countries} expertise />
            <Checkbox name="isChair" label={t("jury.members.chair")} />
            <SubmitButton>{t("jury.members.save")}</SubmitButton>
          </ValidatedForm>
        </>
      ) : replace ? (
        <>
          <h2>{t("jury.members.replace_title", { name: shownPseudonym(replace.name, t) })}</h2>
          <p>{t("jury.members.replace_text")}</p>
          <ValidatedForm
            schema={() => import("../jury/forms/jury").then((m) => m.replaceJurorSchema)}
            intent="replace"
            result={result}
            defaultValues={{ locale: t.locale }}
          >
            <input type="hidden" name="memberId" value={replace.id} />
            <TextField name="name" label={t("fields.full_name")} dirAuto />
            <TextField name="email" label={t("fields.email")} type="email" />
            <LanguageField />
            <Checkbox name="confirm" label={t("jury.members.replace_confirm")} />
            <SubmitButton danger>{t("jury.members.replace")}</SubmitButton>
          </ValidatedForm>
        </>
      ) : !inviting ? (
        // The invitation form (with its long country list) only when asked for: the page
        // stays light for the daily look at the jury.
        <ActionLink to="?invite=1" secondary>
          {t("jury.members.invite_title")}
        </ActionLink>
      ) : (
        <>
          <h2>{t("jury.members.invite_title")}</h2>
          <ValidatedForm
            schema={() => import("../jury/forms/jury").then((m) => m.inviteJurorSchema)}
            intent="invite"
            result={result}
            defaultValues={{ locale: t.locale, languages: "en, fr" }}
          >
            <TextField name="name" label={t("fields.full_name")} dirAuto />
            <TextField name="email" label={t("fields.email")} type="email" />
            <LanguageField />
            <JurorProfileFields countries={countries} />
            <Checkbox name="isChair" label={t("jury.members.chair")} />
            <SubmitButton>{t("jury.members.invite")}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
