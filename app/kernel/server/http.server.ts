import { siteOrigin } from "./site.server";
import type { AppLoadContext } from "@remix-run/node";

export function clientAddress(context: AppLoadContext): string {
  return (context as { clientAddress?: string }).clientAddress ?? "unknown";
}

const MAX_REDIRECT_LENGTH = 2000;

/**
 * A same-site path for a redirect chosen by the request (redirectTo), else the fallback.
 * Browsers drop tabs and newlines from a Location and read "\\" as "/", so "/\t/evil" or
 * "/\\evil" would lead to another site: the target is read the way a browser reads it,
 * resolved against the site's own origin and kept only when it stays there. The answer is
 * path, query and fragment percent-encoded, so the Location header is always ASCII.
 */
export function safeRedirect(to: unknown, fallback = "/dashboard"): string {
  if (typeof to !== "string" || to.length > MAX_REDIRECT_LENGTH) return fallback;
  const cleaned = to.replace(/[\u0000-\u001F\u007F-\u009F\s\u200B-\u200D\u2060\uFEFF]/g, "");
  if (!cleaned.startsWith("/")) return fallback;
  const origin = siteOrigin();
  let url: URL;
  try {
    url = new URL(cleaned, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const target = url.pathname + url.search + url.hash;
  // "/x/..//evil" resolves to the path "//evil", which a browser reads as another host.
  if (!target.startsWith("/") || target.startsWith("//") || target.length > MAX_REDIRECT_LENGTH) return fallback;
  return target;
}
