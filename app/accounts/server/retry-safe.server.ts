// The one wrapper of every action: a post replayed with its form's token (a double click, a
// browser's retry, a resubmitted page) gets the first post's answer instead of changing things
// twice. Tokens belong to the signed-in user; posts from nobody signed in run as they come.
import { createRetrySafe } from "../../kernel/server/retry-safe.server";
import { getSessionUser } from "./session.server";

export const retrySafe = createRetrySafe(async (request) => (await getSessionUser(request))?.id ?? null);
