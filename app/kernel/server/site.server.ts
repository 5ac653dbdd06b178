// The site's own origin comes from configuration, never from a request: a Host or
// X-Forwarded-Host header is chosen by whoever sends the request, so a link built from it
// (a password reset, an invitation) could point to the sender's site with a valid token.
// scripts/server.mjs uses these functions through the build (app/entry.server.tsx).

type Env = Record<string, string | undefined>;

const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

export function configuredPort(env: Env = process.env): number {
  const port = Number(env.PORT ?? 3000);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 3000;
}

/** PUBLIC_URL's origin, else http://localhost:$PORT. Throws on a PUBLIC_URL that is not an http(s) URL. */
export function siteOriginFrom(env: Env): string {
  const configured = env.PUBLIC_URL?.trim();
  if (!configured) return new URL(`http://localhost:${configuredPort(env)}`).origin;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`PUBLIC_URL is not a URL: ${JSON.stringify(configured)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`PUBLIC_URL must start with http:// or https://, not ${url.protocol}`);
  return url.origin;
}

/** The origin of every link the site writes (e-mails, setup link) and the only accepted Origin. */
export function siteOrigin(): string {
  return siteOriginFrom(process.env);
}

/** Hosts (host:port as URL.host writes them) this server answers for. */
export function allowedHostsFrom(env: Env): Set<string> {
  const port = configuredPort(env);
  // Loopback stays allowed with PUBLIC_URL set: local health checks, and a reverse proxy that
  // forwards Host as its own upstream address (nginx's default), reach the server that way.
  const hosts = new Set(LOOPBACK_HOSTNAMES.map((h) => new URL(`http://${h}:${port}`).host));
  if (env.PUBLIC_URL?.trim()) hosts.add(new URL(siteOriginFrom(env)).host);
  return hosts;
}

/** Origins accepted on a mutation: the site's origin, and loopback ones while PUBLIC_URL is unset. */
export function allowedOriginsFrom(env: Env): Set<string> {
  const origins = new Set([siteOriginFrom(env)]);
  if (!env.PUBLIC_URL?.trim())
    for (const h of LOOPBACK_HOSTNAMES) origins.add(new URL(`http://${h}:${configuredPort(env)}`).origin);
  return origins;
}

/** A Host header value written the way URL.host writes it (lower case, default port dropped), or null. */
export function normaliseHost(host: string | undefined, protocol: "http" | "https" = "http"): string | null {
  if (!host || /[\s/\\?#@]/.test(host)) return null;
  try {
    const url = new URL(`${protocol}://${host}`);
    return url.host && url.pathname === "/" && !url.username && !url.password ? url.host : null;
  } catch {
    return null;
  }
}

/**
 * The host the client asked for: X-Forwarded-Host (its first value) only behind a trusted
 * proxy, else the Host header.
 */
export function requestedHost({
  host,
  forwardedHost,
  trustProxy,
}: {
  host?: string;
  forwardedHost?: string;
  trustProxy: boolean;
}): string | undefined {
  const forwarded = trustProxy ? forwardedHost?.split(",")[0]?.trim() : undefined;
  return forwarded || host;
}

export function isAllowedHost(host: string | undefined, env: Env, protocol: "http" | "https" = "http"): boolean {
  const allowed = allowedHostsFrom(env);
  const normalised = normaliseHost(host, protocol);
  if (!normalised) return false;
  if (allowed.has(normalised)) return true;
  // "localhost" without a port on a default-port site, e.g. PORT=80.
  return allowed.has(normaliseHost(host, protocol === "http" ? "https" : "http") ?? "");
}

/** The origin a mutation came from: its Origin header, else its Referer's origin; null when neither parses. */
export function requestOrigin({ origin, referer }: { origin?: string; referer?: string }): string | null {
  if (origin) return origin;
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

export function isAllowedOrigin(input: { origin?: string; referer?: string }, env: Env): boolean {
  const origin = requestOrigin(input);
  return !!origin && allowedOriginsFrom(env).has(origin);
}

/**
 * Decides, per request, whether this server answers for the requested host; the first
 * refusal logs once how to configure the site, so a misconfigured deployment is explained
 * without one log line per request.
 */
export function createHostGuard(env: Env = process.env, log: (message: string) => void = console.warn) {
  let warned = false;
  const trustProxy = env.TRUST_PROXY === "1";
  return function hostAllowed(headers: { host?: string; forwardedHost?: string; forwardedProto?: string }): boolean {
    const host = requestedHost({ host: headers.host, forwardedHost: headers.forwardedHost, trustProxy });
    const proto = trustProxy && headers.forwardedProto?.split(",")[0]?.trim() === "https" ? "https" : "http";
    if (isAllowedHost(host, env, proto)) return true;
    if (!warned) {
      warned = true;
      log(
        env.PUBLIC_URL?.trim()
          ? `Refused a request for host ${JSON.stringify(host ?? "")}: this server answers only for ${siteOriginFrom(env)} (PUBLIC_URL) and loopback. Requests for other hosts get 421.`
          : `Refused a request for host ${JSON.stringify(host ?? "")}: without PUBLIC_URL only http://localhost:${configuredPort(env)} is served. Set PUBLIC_URL to the site's public address (e.g. https://prize.example.org). Requests for other hosts get 421.`,
      );
    }
    return false;
  };
}
