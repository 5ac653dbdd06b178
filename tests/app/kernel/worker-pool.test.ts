import { afterEach, describe, expect, it, vi } from "vitest";
import { WorkerLost, WorkerPool } from "../../../app/kernel/server/worker-pool.server";

const script = new URL("../../fixtures/pool-worker.mjs", import.meta.url).href;
let pool: WorkerPool;
const makePool = (timeoutMs = 10_000, size = 1) =>
  (pool = new WorkerPool({ script, timeoutMs, name: "Test pool", size }));

afterEach(async () => {
  vi.restoreAllMocks();
  await pool.close();
});

describe("the worker pool", () => {
  it("answers jobs in the order they were sent", async () => {
    makePool();
    expect(await Promise.all([pool.run(1), pool.run(2), pool.run(3)])).toEqual([2, 4, 6]);
  });

  it("says it is loaded once its worker has answered ready, and not after losing it", async () => {
    makePool();
    expect(pool.loaded).toBe(false);
    await pool.ready();
    expect(pool.loaded).toBe(true);
    vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(pool.run("exit")).rejects.toBeInstanceOf(WorkerLost);
    expect(pool.loaded).toBe(false);
  });

  it("rejects a job that throws with its message, and the same worker answers the next one", async () => {
    makePool();
    await expect(pool.run("throw")).rejects.toThrow("asked to throw");
    await expect(pool.run("throw")).rejects.not.toBeInstanceOf(WorkerLost);
    expect(await pool.run(21)).toBe(42);
  });

  it("hands a job's early part to its own listener before the answer, and the pool's next job goes on", async () => {
    makePool();
    const early: unknown[] = [];
    const answer = await pool.run({ early: 4 }, (value) => early.push(value));
    expect(early).toEqual([4]);
    expect(answer).toBe(8);
    // Without a listener the early part is dropped, and the answer still comes.
    expect(await pool.run({ early: 5 })).toBe(10);
    expect(await pool.run(6)).toBe(12);
  });

  it("still fails a job whose worker exits after sending its early part", async () => {
    makePool();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const early: unknown[] = [];
    await expect(pool.run({ early: 3, exit: true }, (value) => early.push(value))).rejects.toBeInstanceOf(WorkerLost);
    expect(early).toEqual([3]);
    expect(await pool.run(2)).toBe(4);
  });

  it("fails the job of a worker that exits, logs it once, and starts a new worker for the next job", async () => {
    makePool();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(pool.run("exit")).rejects.toBeInstanceOf(WorkerLost);
    expect(log).toHaveBeenCalledTimes(1);
    expect(await pool.run(5)).toBe(10);
  });

  it("gives up a job past its time, and the next job gets a fresh worker", async () => {
    makePool(300);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const queued = pool.run(4);
    await expect(pool.run("hang").catch((e) => e)).resolves.toBeInstanceOf(WorkerLost);
    expect(await queued).toBe(8);
    expect(await pool.run(7)).toBe(14);
  });

  it("runs jobs side by side in a pool of two workers, and one after the other in a pool of one", async () => {
    makePool(10_000, 2);
    const meet = () => ({ meet: new SharedArrayBuffer(4) });
    const both = meet();
    expect(await Promise.all([pool.run(both), pool.run(both)])).toEqual(["together", "together"]);
    await pool.close();
    makePool(10_000, 1);
    const one = meet();
    // Alone, the first job waits for a partner that never comes (5 s), then the second finds it.
    expect(await Promise.all([pool.run(one), pool.run(one)])).toEqual(["alone", "together"]);
  }, 20_000);

  it("keeps the other worker's job when one worker of two is lost", async () => {
    makePool(10_000, 2);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const [lost, kept] = await Promise.allSettled([pool.run("exit"), pool.run(8)]);
    expect(lost.status === "rejected" && lost.reason instanceof WorkerLost).toBe(true);
    expect(kept).toEqual({ status: "fulfilled", value: 16 });
    expect(await Promise.all([pool.run(1), pool.run(2)])).toEqual([2, 4]);
  });
});
