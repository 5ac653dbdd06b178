// The privacy notice: public, in every language, describing what this application holds today.
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ReactNode } from "react";
import { Link, useLoaderData } from "@remix-run/react";
import { getSessionUser } from "../accounts/server/session.server";
import { useT } from "../kernel/components/i18n";
import { retentionSchedule } from "../accounts/models/retention.server";
import { KEPT_CLASSES, RETENTION_CLASSES, RETENTION_KEYS } from "../kernel/domain/retention";

export const handle = { title: "privacy.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  // The schedule as the secretariat set it, which the scheduled job applies.
  return { signedIn: !!user, schedule: retentionSchedule() };
}

// The notice's sections in order: a heading, then paragraphs (a string) or a list (an array).
const SECTIONS: [title: string, ...blocks: (string | string[])[]][] = [
  ["controller_title", "controller_text"],
  [
    "held_title",
    [
      "held_everyone",
      "held_applicants",
      "held_nominators",
      "held_jurors",
      "held_emails",
      "held_audit",
      "held_technical",
    ],
  ],
  ["why_title", "why_text"],
  ["who_title", ["who_secretariat", "who_nominators", "who_jury", "who_gender", "who_observers"]],
  ["public_title", "public_text"],
  ["keep_title", "keep_text"],
  ["rights_title", ["rights_copy", "rights_correct", "rights_erase"], "rights_contact"],
  ["rules_title", "rules_text"],
];

export default function Privacy() {
  const t = useT();
  const { signedIn, schedule } = useLoaderData<typeof loader>();
  // Where a text points somewhere, the link follows it.
  const links: Record<string, ReactNode> = {
    public_text: <Link to="/laureates">{t("nav.laureates")}</Link>,
    rights_copy: signedIn ? <Link to="/account#your-data">{t("nav.account")}</Link> : null,
    rights_erase: signedIn ? <Link to="/account/erasure">{t("data.erase_title")}</Link> : null,
  };
  const text = (key: string) => (
    <>
      {t(`privacy.${key}`)}
      {links[key] ? <> {links[key]}</> : null}
    </>
  );
  return (
    <>
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>
      {SECTIONS.map(([title, ...blocks]) => (
        <section key={title} aria-labelledby={`privacy-${title}`}>
          <h2 id={`privacy-${title}`}>{t(`privacy.${title}`)}</h2>
          {blocks.map((block) =>
            typeof block === "string" ? (
              <p key={block}>{text(block)}</p>
            ) : (
              <ul key={block[0]}>
                {block.map((item) => (
                  <li key={item}>{text(item)}</li>
                ))}
              </ul>
            ),
          )}
          {title === "keep_title" ? (
            <>
              <p>{t("data.privacy_schedule")}</p>
              <ul>
                {RETENTION_KEYS.map((k) => (
                  <li key={k}>
                    {t(`data.retention_class.${k}`)}:{" "}
                    {t(`data.retention_unit.${RETENTION_CLASSES[k].unit}`, { count: schedule[k] })}
                  </li>
                ))}
                {KEPT_CLASSES.map((k) => (
                  <li key={k}>
                    {t(`data.retention_class.${k}`)}: {t("data.retention_kept")}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";
