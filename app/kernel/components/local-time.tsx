// Instants are shown in Paris time (the prize's official time, and the same without JavaScript);
// in the browser an effect adds the viewer's own time when their zone differs.
import { useEffect, useState } from "react";
import { formatDateTime } from "../i18n";
import { useT } from "./i18n";

/** " (your time: …)" after a Paris time, once the browser knows the viewer's zone. */
export function LocalTime({ at }: { at: string | Date | number }) {
  const t = useT();
  const iso = new Date(at).toISOString();
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setLocal(zone && zone !== "Europe/Paris" ? formatDateTime(new Date(iso), t.locale, zone) : null);
  }, [iso, t.locale]);
  return local ? <span data-local-time=""> ({t("time.local", { time: local })})</span> : null;
}
