// The admission of page requests (app/kernel/server/admission.server.ts, decision 049), through a
// real HTTP server: how many are worked on at once, in which order the others come, and that no
// place is ever lost (a client gone, a failed handler, a wait on another thread).
import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AdmissionGate,
  createAdmission,
  DEFAULT_REQUEST_CONCURRENCY,
  outsideAdmission,
} from "../../../app/kernel/server/admission.server";
import { whenDone } from "../../../app/kernel/server/computing.server";
import { within } from "../../../app/kernel/server/memo.server";

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

let server: Server | null = null;
afterEach(async () => {
  const closing = server;
  server = null;
  if (!closing) return;
  const closed = new Promise((done) => closing.close(done));
  closing.closeAllConnections();
  await closed;
});

/** Serves `app` on a free loopback port (closed after each test) and gives its base URL. */
async function listen(app: express.Express): Promise<string> {
  server = app.listen(0, "127.0.0.1");
  await new Promise((done) => server!.once("listening", done));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/**
 * A server behind a gate of `limit`. `GET /hold/:name` records that it began, then answers when
 * `release(name)` is called; `GET /wait/:name` waits on `outside(name)` outside the gate first.
 */
async function gated(limit: number) {
  const gate = new AdmissionGate(limit);
  const arrived: string[] = [];
  const began: string[] = [];
  const held = new Map<string, Deferred>();
  const hold = (name: string) => {
    if (!held.has(name)) held.set(name, deferred());
    return held.get(name)!;
  };
  const app = express();
  app.use((req, _res, next) => {
    arrived.push(req.path);
    next();
  });
  app.use(gate.middleware);
  app.get("/hold/:name", async (req, res) => {
    began.push(req.params.name);
    await hold(req.params.name).promise;
    res.send(req.params.name);
  });
  app.get("/wait/:name", async (req, res) => {
    began.push(req.params.name);
    await outsideAdmission(hold(`outside ${req.params.name}`).promise);
    began.push(`${req.params.name} again`);
    res.send(req.params.name);
  });
  app.get("/stream/:name", async (req, res) => {
    began.push(req.params.name);
    res.write("first part ");
    await hold(req.params.name).promise;
    res.end("last part");
  });
  app.get("/fail", (req) => {
    began.push("fail");
    throw new Error(`${req.path} failed on purpose`);
  });
  app.post("/post", (_req, res) => {
    began.push("post");
    res.send("posted");
  });
  // Express's own error page, without the stack in the test's output.
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).send("failed");
  });
  const base = await listen(app);
  /**
   * Sends a request and waits until the server has it (so that arrivals are in a known order);
   * `answer` is its response (in an object: an async function would wait for the promise).
   */
  const send = async (path: string, init?: RequestInit) => {
    const count = arrived.length;
    const answer = fetch(`${base}${path}`, init).then(async (r) => ({ status: r.status, body: await r.text() }));
    answer.catch(() => {});
    await until(() => arrived.length > count);
    return { answer };
  };
  return { gate, began, send, release: (name: string) => hold(name).resolve() };
}

async function until(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A few turns of the event loop: enough for anything that was going to begin to have begun. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("page requests admitted a few at a time", () => {
  it("works on no more than the limit at once and takes the others in the order they came", async () => {
    const { gate, began, send, release } = await gated(2);
    const answers = [];
    for (const name of ["a", "b", "c", "d", "e"]) answers.push((await send(`/hold/${name}`)).answer);
    await settle();
    expect(began).toEqual(["a", "b"]);
    expect([gate.active, gate.waiting]).toEqual([2, 3]);
    release("b");
    await until(() => began.length === 3);
    expect(began).toEqual(["a", "b", "c"]);
    release("a");
    release("c");
    await until(() => began.length === 5);
    expect(began).toEqual(["a", "b", "c", "d", "e"]);
    release("d");
    release("e");
    expect(await Promise.all(answers)).toEqual(["a", "b", "c", "d", "e"].map((body) => ({ status: 200, body })));
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it("gives a request's place on once its response has begun, while the rest of it is still being sent", async () => {
    const { gate, began, send, release } = await gated(1);
    const streaming = (await send("/stream/s")).answer;
    const next = (await send("/hold/n")).answer;
    await until(() => began.includes("n"));
    release("n");
    expect(await next).toEqual({ status: 200, body: "n" });
    release("s");
    expect(await streaming).toEqual({ status: 200, body: "first part last part" });
    expect(gate.active).toBe(0);
  });

  it("lets a request waiting on another thread give its place, then take it again before requests not yet begun", async () => {
    const { gate, began, send, release } = await gated(1);
    const waiting = (await send("/wait/w")).answer;
    const second = (await send("/hold/second")).answer;
    // While w waits outside, its place is second's.
    await until(() => began.includes("second"));
    const third = (await send("/hold/third")).answer;
    release("outside w");
    await settle();
    // w's wait is over, but second holds the only place: w is next, ahead of third.
    expect(began).toEqual(["w", "second"]);
    release("second");
    expect(await waiting).toEqual({ status: 200, body: "w" });
    await until(() => began.includes("third"));
    expect(began).toEqual(["w", "second", "w again", "third"]);
    release("third");
    expect(await Promise.all([second, third])).toEqual([
      { status: 200, body: "second" },
      { status: 200, body: "third" },
    ]);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  /**
   * A gate of one place before `GET /waiting`, which waits on `wait()` as a loader would, and
   * `GET /other`: the order in which the server began and answered them.
   */
  async function waitingAndOther(wait: () => Promise<unknown>) {
    const gate = new AdmissionGate(1);
    const order: string[] = [];
    const app = express();
    app.use(gate.middleware);
    app.get("/waiting", async (_req, res) => {
      order.push("waiting began");
      await wait();
      order.push("waiting answered");
      res.send("waited");
    });
    app.get("/other", (_req, res) => {
      order.push("other answered");
      res.send("other");
    });
    const base = await listen(app);
    const waiting = fetch(`${base}/waiting`).then((r) => r.text());
    await until(() => order.includes("waiting began"));
    const other = fetch(`${base}/other`).then((r) => r.text());
    return { gate, order, waiting, other };
  }

  it("gives a page's place to the next one while it waits a moment for a computation", async () => {
    // As a page waits for its results (computing.server.ts): a moment, then the computing page.
    const { gate, order, waiting, other } = await waitingAndOther(() => within(new Promise(() => {}), 1_000));
    expect(await Promise.all([other, waiting])).toEqual(["other", "waited"]);
    expect(order).toEqual(["waiting began", "other answered", "waiting answered"]);
    expect(gate.active).toBe(0);
  });

  it("gives a download's place to the next page while its file is made in a worker", async () => {
    // As an export's loader waits for its workbook (whenDone, however long it takes).
    const file = deferred();
    const { gate, order, waiting, other } = await waitingAndOther(() => whenDone(file.promise));
    expect(await other).toBe("other");
    file.resolve();
    expect(await waiting).toBe("waited");
    expect(order).toEqual(["waiting began", "other answered", "waiting answered"]);
    expect(gate.active).toBe(0);
  });

  it("keeps the place of a page whose value was already there (a cached computation)", async () => {
    const go = deferred();
    const { gate, order, waiting, other } = await waitingAndOther(async () => {
      await go.promise;
      await whenDone(Promise.resolve("kept"));
    });
    // The other page waits for the place when the value is asked for.
    await until(() => gate.waiting === 1);
    go.resolve();
    expect(await Promise.all([waiting, other])).toEqual(["waited", "other"]);
    expect(order).toEqual(["waiting began", "waiting answered", "other answered"]);
    // A rejection already there is thrown at once too, without giving the place.
    await expect(outsideAdmission(Promise.reject(new Error("failed before")))).rejects.toThrow("failed before");
    expect(gate.active).toBe(0);
  });

  it("never holds a POST, whose body comes at the client's pace", async () => {
    const { began, send, release } = await gated(1);
    const holding = (await send("/hold/h")).answer;
    const posted = (await send("/post", { method: "POST", body: "x=1" })).answer;
    expect(await posted).toEqual({ status: 200, body: "posted" });
    expect(began).toEqual(["h", "post"]);
    release("h");
    await holding;
  });

  it("skips a client that left while waiting, and loses no place to it", async () => {
    const { gate, began, send, release } = await gated(1);
    const first = (await send("/hold/first")).answer;
    const leaving = new AbortController();
    const left = (await send("/hold/left", { signal: leaving.signal })).answer;
    const last = (await send("/hold/last")).answer;
    leaving.abort();
    await expect(left).rejects.toThrow();
    await until(() => gate.waiting === 1);
    release("first");
    await until(() => began.includes("last"));
    release("last");
    expect(await Promise.all([first, last])).toEqual([
      { status: 200, body: "first" },
      { status: 200, body: "last" },
    ]);
    expect(began).toEqual(["first", "last"]);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it("takes the place back from a handler that failed", async () => {
    const { gate, began, send, release } = await gated(1);
    expect(await (await send("/fail")).answer).toEqual({ status: 500, body: "failed" });
    const after = (await send("/hold/after")).answer;
    await until(() => began.includes("after"));
    release("after");
    expect(await after).toEqual({ status: 200, body: "after" });
    expect(gate.active).toBe(0);
  });

  it("frees a place whose client left while it was being worked on", async () => {
    const { gate, began, send, release } = await gated(1);
    const leaving = new AbortController();
    const left = (await send("/hold/left", { signal: leaving.signal })).answer;
    const next = (await send("/hold/next")).answer;
    leaving.abort();
    await expect(left).rejects.toThrow();
    await until(() => began.includes("next"));
    release("next");
    expect(await next).toEqual({ status: 200, body: "next" });
    release("left");
    await settle();
    expect(gate.active).toBe(0);
  });
});

describe("a place held too long", () => {
  it("is given on to the next page and said in the log, while the request that held it goes on", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const gate = new AdmissionGate(1, 100);
      const order: string[] = [];
      const stuck = deferred();
      const app = express();
      app.use(gate.middleware);
      app.get("/stuck", async (_req, res) => {
        order.push("stuck began");
        await stuck.promise;
        res.send("at last");
      });
      app.get("/next", (_req, res) => {
        order.push("next answered");
        res.send("next");
      });
      const base = await listen(app);
      const late = fetch(`${base}/stuck?id=secret`).then((r) => r.text());
      await until(() => order.includes("stuck began"));
      expect(await (await fetch(`${base}/next`)).text()).toBe("next");
      expect(warned.mock.calls).toEqual([
        ["A page request held its place for 0.1 s without answering: GET /stuck; its place is given on."],
      ]);
      stuck.resolve();
      expect(await late).toBe("at last");
      expect([gate.active, gate.waiting]).toEqual([0, 0]);
    } finally {
      warned.mockRestore();
    }
  });
});

describe("REQUEST_CONCURRENCY", () => {
  it("is 8 pages at once by default, or the whole number given", () => {
    expect(DEFAULT_REQUEST_CONCURRENCY).toBe(8);
    expect(createAdmission({}).limit).toBe(8);
    expect(createAdmission({ REQUEST_CONCURRENCY: " " }).limit).toBe(8);
    expect(createAdmission({ REQUEST_CONCURRENCY: "3" }).limit).toBe(3);
  });

  it("stops the server's start when it is not a whole number from 1, saying so", () => {
    for (const value of ["0", "-2", "2.5", "eight"]) {
      expect(() => createAdmission({ REQUEST_CONCURRENCY: value })).toThrow(
        `REQUEST_CONCURRENCY must be a whole number from 1, not "${value}".`,
      );
    }
  });

  it("outside a request, waits on the promise as it is", async () => {
    expect(await outsideAdmission(Promise.resolve(42))).toBe(42);
    await expect(outsideAdmission(Promise.reject(new Error("lost")))).rejects.toThrow("lost");
  });
});
