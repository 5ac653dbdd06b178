// Retry-safe posts. Every rendered form carries a one-time token (ValidatedForm and PostButton
// add it); every action is wrapped by retrySafe. A post whose token already changed something
// is not run again: it gets the first post's answer (the same redirect, the same data). A post
// without a token (an old page, a script) or from nobody signed in runs as before.
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { FORM_TOKEN_FIELD, FORM_TOKEN_PATTERN } from "../domain/form-token";
import { MAX_FORM_BYTES, mediaTypeOf, readForm } from "../forms/validate.server";
import {
  claimHolderGone,
  findFormToken,
  forgetOldFormTokens,
  FormTokenTaken,
  recordFormAnswer,
  withFormToken,
  type StoredAnswer,
} from "../models/form-tokens.server";

/** A page's token seed: 128 random bits, drawn per render by the root loader (it writes nothing). */
export function newFormSeed(): string {
  return randomBytes(16).toString("base64url");
}

// Every form renders its token before its other fields, so a multipart post (an upload) carries
// it in its first part: only this much of the post's head is copied to find it. An upload whose
// token comes later (a script's own order) is run as a post without a token.
const MAX_TOKEN_HEAD = 64 * 1024;
const TOKEN_PART = new RegExp(
  `content-disposition:[ \\t]*form-data;[ \\t]*name="${FORM_TOKEN_FIELD}"\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([^\\r\\n]{1,80})\\r\\n--`,
  "i",
);

/** The token of a multipart post, from the head of a copy of its body (the copy is then dropped). */
async function multipartTokenOf(request: Request): Promise<string | null> {
  const reader = request.clone().body?.getReader();
  if (!reader) return null;
  let head = "";
  try {
    while (head.length < MAX_TOKEN_HEAD) {
      const { done, value } = await reader.read();
      if (done) break;
      head += Buffer.from(value).toString("latin1");
      const found = TOKEN_PART.exec(head.slice(0, MAX_TOKEN_HEAD));
      if (found) return found[1];
    }
    return null;
  } finally {
    // Cancelling the copy leaves the original whole: the action reads it as if never copied.
    void reader.cancel().catch(() => undefined);
  }
}

/** The post's token, read from a copy of the body so the action still reads the original. */
async function tokenOf(request: Request): Promise<string | null> {
  if (request.method !== "POST" || request.bodyUsed) return null;
  try {
    const mediaType = mediaTypeOf(request);
    // A url-encoded body past the forms' limit is refused by its action anyway, so its copy is not
    // read past that limit either; any other kind of body is the action's to refuse.
    const value =
      mediaType === "multipart/form-data"
        ? await multipartTokenOf(request)
        : mediaType === "application/x-www-form-urlencoded"
          ? (await readForm(request.clone(), { maxBytes: MAX_FORM_BYTES })).get(FORM_TOKEN_FIELD)
          : null;
    return typeof value === "string" && FORM_TOKEN_PATTERN.test(value) ? value : null;
  } catch {
    // A body that cannot be read: the action answers it as it always has.
    return null;
  }
}

type DataResult = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataResult(value: unknown): value is DataResult {
  return typeof value === "object" && value !== null && (value as DataResult).type === "DataWithResponseInit";
}

/** What a second post will be answered: a redirect's target, an action's data, else "show the page again". */
async function answerOf(result: unknown): Promise<StoredAnswer> {
  if (result instanceof Response) {
    const location = result.headers.get("Location");
    if (result.status >= 300 && result.status < 400 && location)
      return { kind: "redirect", location, status: result.status };
    if ((result.headers.get("Content-Type") ?? "").includes("application/json"))
      return { kind: "data", data: await result.clone().json(), status: result.status };
    return { kind: "done" };
  }
  if (isDataResult(result)) return { kind: "data", data: result.data, status: result.init?.status ?? 200 };
  return { kind: "data", data: result ?? null, status: 200 };
}

function replay(answer: StoredAnswer | null, request: Request): unknown {
  if (answer?.kind === "redirect") return redirect(answer.location, answer.status);
  if (answer?.kind === "data") return data(answer.data, { status: answer.status });
  // The first post changed something but its answer is not known: the page as it now is.
  const url = new URL(request.url);
  return redirect(url.pathname + url.search, 303);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Posts being handled by this process, by scope and token: a second one waits for the first.
const running = new Map<string, Promise<unknown>>();

/**
 * The first post's answer, waiting a little while it is still being made (by another process,
 * say); not at all when that process is gone: its change committed, its answer never will.
 */
async function firstAnswer(scope: string, token: string): Promise<{ answer: StoredAnswer | null } | null> {
  let seen = findFormToken(scope, token);
  for (let waited = 0; seen && !seen.answer && waited < 5000 && !claimHolderGone(seen.claim); waited += 100) {
    await sleep(100);
    seen = findFormToken(scope, token);
  }
  return seen;
}

/**
 * Makes actions retry-safe; `scopeOf` names whose tokens a request may replay (the signed-in
 * user), or null for nobody. The accounts area binds it: the kernel knows no sessions.
 */
export function createRetrySafe(scopeOf: (request: Request) => Promise<string | null>) {
  return function retrySafe<Args extends ActionFunctionArgs, T>(action: (args: Args) => Promise<T>) {
    return async (args: Args): Promise<T> => {
      // Whose post it is first: a post from nobody signed in replays nothing, so its body is not
      // copied at all (an anonymous 30 MB post to the sign-in form cost 30 MB and half a second).
      const scope = args.request.method === "POST" ? await scopeOf(args.request) : null;
      const token = scope ? await tokenOf(args.request) : null;
      if (!token || !scope) return action(args);
      const key = `${scope} ${token}`;
      forgetOldFormTokens();
      for (let other = running.get(key); other; other = running.get(key)) await other.catch(() => undefined);
      // No await from here until this post is in `running`: a twin arriving meanwhile waits for it.
      const seen = findFormToken(scope, token);
      if (seen) return replay(seen.answer ?? (await firstAnswer(scope, token))?.answer ?? null, args.request) as T;

      const { post, result } = withFormToken(scope, token, () => action(args));
      running.set(key, result);
      try {
        const answer = await result;
        // It changed nothing, but its twin (the other post of a double click, handled by another
        // process) claimed the token meanwhile: this one found the work done ("nothing new to
        // publish", "0 confirmed"). The twin's answer is the answer to both.
        if (!post.claimed) {
          const twin = findFormToken(scope, token);
          if (twin) return replay(twin.answer ?? (await firstAnswer(scope, token))?.answer ?? null, args.request) as T;
        }
        const stored = await answerOf(answer);
        // A change without an audit row of its own (a draft saved) is known by its answer: a
        // redirect or data that is not a refusal. A refusal changed nothing and may be posted again.
        if (post.claimed || stored.kind === "redirect" || (stored.kind === "data" && stored.status < 400))
          recordFormAnswer(post, stored);
        return answer;
      } catch (error) {
        if (error instanceof FormTokenTaken)
          return replay((await firstAnswer(scope, token))?.answer ?? null, args.request) as T;
        // A redirect or a 404 thrown after a change is that post's answer too.
        if (post.claimed) recordFormAnswer(post, error instanceof Response ? await answerOf(error) : { kind: "done" });
        throw error;
      } finally {
        running.delete(key);
      }
    };
  };
}
