// The public page of a diploma's verification code (the QR code on the diploma leads here): no
// sign-in, no JavaScript needed. It says whether the diploma is genuine (its signed statement
// checks against a published key) and whether it was revoked, shows what it states, and how to
// check the signature offline. An unknown code, or one whose edition is not announced yet, is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { can, found } from "../accounts/server/permissions.server";
import { getSessionUser } from "../accounts/server/session.server";
import { RouteErrorBoundary } from "../kernel/components/error-boundary";
import { useT } from "../kernel/components/i18n";
import { routeHead } from "../kernel/components/route-head";
import { formatDate } from "../kernel/i18n";
import { countryName } from "../kernel/i18n/countries";
import { siteOrigin } from "../kernel/server/site.server";
import { parisDateToInstant } from "../kernel/domain/paris-time";
import { verificationOf } from "../results/models/diploma-codes.server";
import resultsCss from "../styles/results.css";

export const { handle, links } = routeHead("diplomas.title", resultsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const v = found(verificationOf({ code: params.code ?? "" }));
  const origin = siteOrigin();
  const signature = Buffer.from(v.signature, "base64url").toString("base64");
  return {
    code: v.code,
    statement: v.statement,
    announcedOn: parisDateToInstant(v.statement.announcementDate)?.getTime() ?? null,
    statementText: v.statementText,
    signature,
    keyId: v.keyId,
    genuine: v.genuine,
    revoked: v.revoked ? { at: v.revoked.at.getTime(), reason: v.revoked.reason } : null,
    keysUrl: `${origin}/verify/key`,
    commands: [
      `curl -so statement.json ${origin}/verify/${v.code}/statement.json`,
      `curl -so key.pem "${origin}/verify/key.pem?id=${v.keyId}"`,
      `echo ${signature} | base64 -d > signature.bin`,
      "openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in statement.json -sigfile signature.bin",
    ].join("\n"),
    canRevoke: !v.revoked && can(user, "diploma.revoke"),
  };
}

export default function VerifyDiploma() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const s = d.statement;
  const status = d.revoked
    ? t("diplomas.revoked", { date: formatDate(d.revoked.at, t.locale) })
    : t(d.genuine ? "diplomas.genuine" : "diplomas.not_genuine");
  return (
    <>
      <h1>{t("diplomas.title")}</h1>
      <div className={d.genuine && !d.revoked ? "notice success" : "notice"}>
        <p className="verify-status">{status}</p>
        {d.revoked ? (
          <p>
            {t("diplomas.revoked_reason")} <bdi>{d.revoked.reason}</bdi>
          </p>
        ) : null}
      </div>
      <h2>{t("diplomas.facts")}</h2>
      <dl>
        <dt>{t("diplomas.fact_laureate")}</dt>
        <dd>
          <bdi>{s.laureate}</bdi>
        </dd>
        <dt>{t("diplomas.fact_project")}</dt>
        <dd>
          <bdi>{s.project}</bdi>
        </dd>
        <dt>{t("diplomas.fact_country")}</dt>
        <dd>{countryName(s.country, t.locale)}</dd>
        <dt>{t("diplomas.fact_edition")}</dt>
        <dd>
          <Link to={`/laureates/${s.edition}`}>{s.edition}</Link>
        </dd>
        <dt>{t("diplomas.fact_announced")}</dt>
        <dd>{d.announcedOn ? formatDate(d.announcedOn, t.locale) : s.announcementDate}</dd>
        <dt>{t("diplomas.fact_code")}</dt>
        <dd>
          <code>{d.code}</code>
        </dd>
      </dl>
      {d.revoked ? null : (
        <p>
          <a href={`/verify/${d.code}/badge.json`} download={`badge-${d.code}.json`}>
            {t("diplomas.badge")}
          </a>
        </p>
      )}
      {d.canRevoke ? (
        <p>
          <Link to={`/secretariat/diplomas/${d.code}`}>{t("diplomas.revoke_link")}</Link>
        </p>
      ) : null}
      <h2>{t("diplomas.signature_title")}</h2>
      <p>{t("diplomas.statement")}</p>
      <pre className="verify-bytes" dir="ltr">
        <code>{d.statementText}</code>
      </pre>
      <p>{t("diplomas.signature")}</p>
      <pre className="verify-bytes" dir="ltr">
        <code>{d.signature}</code>
      </pre>
      <p>
        {t("diplomas.key", { id: d.keyId })} <a href={d.keysUrl}>{d.keysUrl}</a>
      </p>
      <h2>{t("diplomas.offline_title")}</h2>
      <p>{t("diplomas.offline_text")}</p>
      <pre className="verify-bytes" dir="ltr">
        <code>{d.commands}</code>
      </pre>
    </>
  );
}

/** An unknown code says so, in the page's language; any other failure is the site's usual page. */
export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  if (!isRouteErrorResponse(error) || error.status !== 404) return <RouteErrorBoundary />;
  return (
    <>
      <h1>{t("diplomas.unknown")}</h1>
      <p>{t("diplomas.unknown_help")}</p>
      <p>
        <Link to="/laureates">{t("nav.laureates")}</Link>
      </p>
    </>
  );
}
