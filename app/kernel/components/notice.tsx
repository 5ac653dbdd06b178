import type { ReactNode } from "react";

/**
 * What a form just did, shown on the page it redirected to (`?saved=1`): a status, so screen readers
 * say it without moving the reader.
 */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice success" role="status">
      {children}
    </p>
  );
}
