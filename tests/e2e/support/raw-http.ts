import { request as httpRequest } from "node:http";
import { origin } from "./session";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent: not decompressed, not decoded (Playwright's request does both). */
  body: Buffer;
}

/** A raw HTTP request, so that Host and the other headers are exactly those given. */
export function rawRequest(
  path: string,
  {
    method = "GET",
    headers = {},
    body,
    server = origin(),
  }: { method?: string; headers?: Record<string, string>; body?: string; server?: string } = {},
): Promise<RawResponse> {
  const base = new URL(server);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, path, method, headers: { Host: base.host, ...headers }, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}
