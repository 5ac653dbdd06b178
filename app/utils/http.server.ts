import type { AppLoadContext } from "@remix-run/node";

/** The site's own origin for links in e-mails: PUBLIC_URL when set, else this request's. */
export function appOrigin(request: Request): string {
  return process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL).origin : new URL(request.url).origin;
}

export function clientAddress(context: AppLoadContext): string {
  return (context as { clientAddress?: string }).clientAddress ?? "unknown";
}

/** Only same-site paths, so a crafted redirectTo cannot send people elsewhere. */
export function safeRedirect(to: unknown, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
