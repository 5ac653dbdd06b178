import { afterEach, describe, expect, it, vi } from "vitest";
import { briefly } from "../../../app/kernel/server/computing.server";

afterEach(() => vi.useRealTimers());

/** A computation that never ends, whose worker is up or still loading. */
function endless(loaded: boolean) {
  const ready = vi.fn(() => Promise.resolve());
  return { pending: { promise: new Promise<never>(() => {}), since: new Date(0), ready, loaded: () => loaded }, ready };
}

/** The status `briefly` answers with once (fake) time has run on long enough. */
async function answered(pending: Parameters<typeof briefly>[0]): Promise<number> {
  vi.useFakeTimers();
  const answer = briefly(pending, { ms: 500 }).catch((thrown: { init?: { status?: number } }) => thrown);
  await vi.advanceTimersByTimeAsync(2000);
  return ((await answer) as { init?: { status?: number } }).init?.status ?? 0;
}

describe("a page waiting briefly for a computation", () => {
  it("waits once when the worker is already up, then answers 'computing'", async () => {
    vi.useFakeTimers();
    const { pending, ready } = endless(true);
    let settled = false;
    const answer = briefly(pending, { ms: 500 }).catch((thrown: { init?: { status?: number } }) => {
      settled = true;
      return thrown;
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(settled).toBe(true);
    expect(((await answer) as { init?: { status?: number } }).init?.status).toBe(503);
    expect(ready).not.toHaveBeenCalled();
  });

  it("waits for a worker still loading its code, then once more for the computation", async () => {
    const { pending, ready } = endless(false);
    expect(await answered(pending)).toBe(503);
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it("returns the value as soon as it is computed", async () => {
    const value = await briefly({ promise: Promise.resolve(42), since: new Date(0) }, { ms: 500 });
    expect(value).toBe(42);
  });
});
