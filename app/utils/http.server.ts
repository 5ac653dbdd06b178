import type { AppLoadContext } from "@remix-run/node";

export function clientAddress(context: AppLoadContext): string {
  return (context as { clientAddress?: string }).clientAddress ?? "unknown";
}

/** Only same-site paths, so a crafted redirectTo cannot send people elsewhere. */
export function safeRedirect(to: unknown, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
