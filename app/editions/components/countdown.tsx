// The call's deadline: Paris time and the days left (computed on the server, so it works without
// JavaScript); in the browser, an effect adds the visitor's local time and a live countdown.
import { useEffect, useState } from "react";
import { formatDateTime, intlLocale, type Locale } from "../../kernel/i18n";
import { useT } from "../../kernel/components/i18n";

export function DeadlineCountdown({ deadlineAt, daysLeft }: { deadlineAt: number; daysLeft: number }) {
  const t = useT();
  const [local, setLocal] = useState<{ when: string; left: string; zone: string } | null>(null);
  useEffect(() => {
    const update = () => {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const ms = deadlineAt - Date.now();
      const rtf = new Intl.RelativeTimeFormat(intlLocale(t.locale as Locale), { numeric: "auto" });
      const days = Math.floor(ms / 864e5);
      const hours = Math.floor((ms % 864e5) / 36e5);
      const left =
        ms <= 0
          ? ""
          : days >= 1
            ? rtf.format(days, "day")
            : hours >= 1
              ? rtf.format(hours, "hour")
              : rtf.format(Math.max(1, Math.ceil(ms / 6e4)), "minute");
      setLocal({ when: formatDateTime(deadlineAt, t.locale as Locale, zone), left, zone });
    };
    update();
    const timer = window.setInterval(update, 60_000);
    return () => window.clearInterval(timer);
  }, [deadlineAt, t.locale]);
  return (
    <div className="editions-deadline">
      <p>
        <strong>{t("editions.call_deadline")}</strong>{" "}
        <time dateTime={new Date(deadlineAt).toISOString()}>
          {t("editions.paris_time", { date: formatDateTime(deadlineAt, t.locale) })}
        </time>
      </p>
      {local ? (
        <p aria-live="polite" data-countdown="live">
          {local.left ? t("editions.countdown_live", { left: local.left }) : null}{" "}
          {t("editions.local_time", { date: local.when, zone: local.zone })}
        </p>
      ) : (
        <p data-countdown="server">
          {t(
            daysLeft === 0
              ? "editions.days_left_today"
              : daysLeft === 1
                ? "editions.days_left_one"
                : "editions.days_left",
            { count: daysLeft },
          )}
        </p>
      )}
    </div>
  );
}
