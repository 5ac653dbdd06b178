import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { useT } from "../kernel/components/i18n";
import { listEditionsBrief } from "../nominations/models/entity.server";
import { secretariatAttention } from "../editions/server/home.server";
import { formatDateTime, localized, textsOf } from "../kernel/i18n";
import { pendingRequestCount } from "../accounts/models/erasure.server";

export const handle = { title: "secretariat.title" };

const HOME_LIST = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const { editions: active, more, failingMail } = await secretariatAttention();
  // The latest editions only: the editions page lists them all.
  return {
    editions: listEditionsBrief({ latest: HOME_LIST }),
    active,
    more,
    failingMail,
    erasures: pendingRequestCount(),
  };
}

type Active = ReturnType<typeof useLoaderData<typeof loader>>["active"][number];

/** One edition in progress: its phase, next date, what waits (each linked to its page) and the next step. */
function ActiveEdition({ edition: e }: { edition: Active }) {
  const t = useT();
  const base = `/secretariat/editions/${e.id}`;
  const waiting = [
    {
      count: e.screening,
      key: "editions.home.screening_count",
      to: `/secretariat/screening?edition=${e.id}&state=nominated`,
    },
    { count: e.conflicts, key: "editions.home.conflicts_count", to: `${base}/conflicts` },
    { count: e.late, key: "editions.home.late_count", to: `${base}/progress` },
  ].filter((item) => item.count > 0);
  const date = e.next && {
    what: t(`editions.home.date_${e.next.key}`),
    date: formatDateTime(e.next.at, t.locale),
  };
  return (
    <li>
      <h3>
        <Link to={base}>{t("editions.overview_heading", { year: e.year })}</Link>:{" "}
        <bdi>{localized(t.locale, textsOf(e, "theme"))}</bdi>
      </h3>
      <p>
        {t("editions.current_phase")} <span className="tag">{t(`phase.${e.phase}`)}</span>
      </p>
      {date ? <p>{t(e.next?.past ? "editions.home.past_date" : "editions.home.next_date", date)}</p> : null}
      {waiting.length > 0 ? (
        <ul>
          {waiting.map((item) => (
            <li key={item.key}>
              <Link to={item.to}>{t(item.key, { count: item.count })}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("editions.home.edition_nothing")}</p>
      )}
      {e.step ? (
        <p>
          {t("editions.home.next_step")}{" "}
          <Link to={e.step.to} className="button">
            {t(`editions.home.step_${e.step.key}`)}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

export default function SecretariatHome() {
  const t = useT();
  const { editions, active, more, failingMail, erasures } = useLoaderData<typeof loader>();
  const nothing = failingMail === 0 && erasures === 0 && active.every((e) => e.screening + e.conflicts + e.late === 0);
  // The secretariat's work, one card a part: where it is, its link's words and what it is for.
  const sections = [
    { to: "/secretariat/editions", link: t("secretariat.editions_link"), text: t("secretariat.editions_text") },
    { to: "/secretariat/screening", link: t("secretariat.screening_link"), text: t("secretariat.screening_text") },
    { to: "/secretariat/entities", link: t("entities.title"), text: t("secretariat.entities_text") },
    { to: "/secretariat/invitations", link: t("invitations.title"), text: t("secretariat.invitations_text") },
    {
      to: "/secretariat/data-requests",
      link: t("editions.home.privacy_link"),
      text: t("editions.home.privacy_text"),
    },
    {
      to: "/secretariat/retention",
      link: t("editions.home.retention_link"),
      text: t("editions.home.retention_text"),
    },
  ];
  return (
    <>
      <h1>{t("secretariat.title")}</h1>
      <section aria-labelledby="attention">
        <h2 id="attention">{t("editions.home.attention_title")}</h2>
        {failingMail > 0 ? <p className="panel">{t("editions.home.mail_failing", { count: failingMail })}</p> : null}
        {erasures > 0 ? (
          <p className="panel">
            <Link to="/secretariat/data-requests">{t("editions.home.erasure_count", { count: erasures })}</Link>
          </p>
        ) : null}
        {editions.length === 0 ? (
          <p className="panel">
            {t("editions.empty")} <Link to="/secretariat/editions/new">{t("editions.create")}</Link>
          </p>
        ) : (
          <>
            {nothing ? <p className="panel">{t("editions.home.nothing")}</p> : null}
            {active.length === 0 ? (
              <p>
                {t("editions.home.none_active")} <Link to="/secretariat/editions/new">{t("editions.create")}</Link>
              </p>
            ) : (
              <ul className="cards">
                {active.map((e) => (
                  <ActiveEdition key={e.id} edition={e} />
                ))}
              </ul>
            )}
            {more > 0 ? (
              <p>
                <Link to="/secretariat/editions">{t("editions.home.more_active", { count: more })}</Link>
              </p>
            ) : null}
          </>
        )}
      </section>
      <ul className="cards">
        {sections.map((section) => (
          <li key={section.to}>
            <h2>
              <Link to={section.to}>{section.link}</Link>
            </h2>
            <p>{section.text}</p>
          </li>
        ))}
      </ul>
      <h2>{t("secretariat.editions")}</h2>
      {editions.length === 0 ? (
        <p className="panel">{t("secretariat.no_editions")}</p>
      ) : (
        <>
          <ul>
            {editions.map((e) => (
              <li key={e.id}>
                {e.year}: <bdi>{localized(t.locale, textsOf(e, "theme"))}</bdi>{" "}
                <span className="tag">{t(`phase.${e.phase}`)}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/secretariat/editions">{t("editions.home.all_editions")}</Link>
          </p>
        </>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
