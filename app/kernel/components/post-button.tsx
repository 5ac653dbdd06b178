import type { ReactNode } from "react";
import { PostForm } from "./i18n";

/** A button that posts to the page's own action, with `fields` as hidden inputs: a one-click form. */
export function PostButton({
  fields = {},
  className = "button",
  children,
}: {
  fields?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <PostForm place={Object.values(fields).join("-") || "post"}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {children}
      </button>
    </PostForm>
  );
}
