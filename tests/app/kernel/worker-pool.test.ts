import { afterEach, describe, expect, it, vi } from "vitest";
import { WorkerLost, WorkerPool } from "../../../app/kernel/server/worker-pool.server";

const script = new URL("../../fixtures/pool-worker.mjs", import.meta.url).href;
let pool: WorkerPool;
const makePool = (timeoutMs = 10_000) => (pool = new WorkerPool({ script, timeoutMs, name: "Test pool" }));

afterEach(async () => {
  vi.restoreAllMocks();
  await pool.close();
});

describe("the worker pool", () => {
  it("answers jobs in the order they were sent", async () => {
    makePool();
    expect(await Promise.all([pool.run(1), pool.run(2), pool.run(3)])).toEqual([2, 4, 6]);
  });

  it("rejects a job that throws with its message, and the same worker answers the next one", async () => {
    makePool();
    await expect(pool.run("throw")).rejects.toThrow("asked to throw");
    await expect(pool.run("throw")).rejects.not.toBeInstanceOf(WorkerLost);
    expect(await pool.run(21)).toBe(42);
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
});
