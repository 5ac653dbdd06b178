// How much of a post's body the retry-safe wrapper reads before the action runs: it copies the
// body to find the form's token, and that copy must cost no more than the action's own reading.
import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs } from "@remix-run/node";
import { createRetrySafe } from "../../../app/kernel/server/retry-safe.server";

const CHUNK = 64 * 1024;

/** A url-encoded post of `bytes` bytes whose body counts what was pulled from it. */
function countedPost(bytes: number, contentType = "application/x-www-form-urlencoded") {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= bytes) {
        controller.close();
        return;
      }
      const size = Math.min(CHUNK, bytes - pulled);
      pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x61)); // "aaaa…": one long field name
    },
  });
  const request = new Request("http://localhost/login", {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

const args = (request: Request) => ({ request, params: {}, context: {} }) as ActionFunctionArgs;

describe("retry-safe posts read what they must and no more", () => {
  it("a post from nobody signed in is handed to its action without its body being read", async () => {
    const retrySafe = createRetrySafe(async () => null);
    const post = countedPost(8 * 1024 * 1024);
    let bodyUnread = false;
    const answer = await retrySafe(async ({ request }: ActionFunctionArgs) => {
      bodyUnread = !request.bodyUsed;
      return "ran";
    })(args(post.request));
    expect(answer).toBe("ran");
    expect(bodyUnread).toBe(true);
    // A stream may pull one chunk ahead of its reader; nothing more was read.
    expect(post.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("a signed-in url-encoded post is not copied past the forms' 1 MB limit to look for its token", async () => {
    const retrySafe = createRetrySafe(async () => "user-1");
    const post = countedPost(8 * 1024 * 1024);
    const answer = await retrySafe(async () => "ran")(args(post.request));
    expect(answer).toBe("ran");
    // The tee of the copy may pull a few chunks ahead of the reading that stopped at the limit.
    expect(post.pulled()).toBeLessThanOrEqual(1024 * 1024 + 4 * CHUNK);
  });

  it("a signed-in upload is copied only as far as its token, which every form puts first", async () => {
    const retrySafe = createRetrySafe(async () => "user-1");
    const boundary = "----test-boundary";
    const token = `${"A".repeat(22)}:R1:`;
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="formToken"\r\n\r\n${token}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    );
    const size = 8 * 1024 * 1024;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= size) return controller.close();
        const chunk = pulled === 0 ? head : new Uint8Array(CHUNK).fill(0x25);
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/applications/1/attachments", {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit);
    let pulledBeforeAction = -1;
    let readByAction = 0;
    await retrySafe(async ({ request }: ActionFunctionArgs) => {
      pulledBeforeAction = pulled;
      readByAction = (await request.arrayBuffer()).byteLength;
      return "ran";
    })(args(request));
    // It was 32 MB before: the whole upload was copied to find a token in its first 200 bytes.
    expect(pulledBeforeAction).toBeLessThanOrEqual(4 * CHUNK);
    // The action still reads the whole original body.
    expect(readByAction).toBe(pulled);
  });
});
