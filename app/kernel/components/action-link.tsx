import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A link that opens a task (a form, a new page), drawn as a button in a paragraph of its own. */
export function ActionLink({ to, secondary, children }: { to: string; secondary?: boolean; children: ReactNode }) {
  return (
    <p>
      <Link to={to} className={secondary ? "button secondary" : "button"}>
        {children}
      </Link>
    </p>
  );
}
