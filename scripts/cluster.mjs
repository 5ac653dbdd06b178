// `npm start`: WEB_CONCURRENCY server processes (default: one per core) on one port and one
// SQLite file (decision 023). With 1 this is scripts/server.mjs itself, in this process. With
// more, this process only supervises: it prepares the database once (migrations, upload sweep,
// archive seed, signing key, setup link) before any worker exists, starts the workers, gives the
// e-mail sender and the scheduled jobs to exactly one of them, starts a worker again when one
// dies, and passes SIGTERM and SIGINT on to them.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

function workerCount(value = process.env.WEB_CONCURRENCY) {
  if (value === undefined || value.trim() === "") return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number from 1, not "${value}".`);
  return n;
}

const count = workerCount();
if (count === 1) {
  await import("./server.mjs");
} else {
  await supervise(count);
}

async function supervise(count) {
  process.env.NODE_ENV ??= "production";
  const build = await import(pathToFileURL(resolve("build/index.js")).href);
  const { prepare, shutdown, siteOrigin } = build.entry.module;
  const origin = siteOrigin();
  const port = Number(process.env.PORT ?? 3000);
  // Before any worker exists, so that two processes never migrate the same file. Then the
  // connection is closed: this process serves nothing and writes nothing more.
  prepare();
  shutdown();

  cluster.setupPrimary({ exec: fileURLToPath(new URL("./server.mjs", import.meta.url)) });
  const alive = new Set();
  const serving = new Set();
  let background; // the worker with the e-mail sender and the jobs
  let stopping = false;
  let announced = false;

  function start(withBackground) {
    // The sender and the jobs are given at start only: the worker that had them is dead by then,
    // so two never run at once (two senders would send a message twice).
    const worker = cluster.fork({ PRIZE_BACKGROUND: withBackground ? "1" : "0" });
    alive.add(worker);
    if (withBackground) background = worker;
    worker.on("message", (message) => {
      if (message?.prize === "deliver-mail" && background?.isConnected()) background.send(message);
    });
    worker.once("listening", () => {
      serving.add(worker);
      console.log(`Worker ${worker.process.pid} is serving${withBackground ? " (e-mail and jobs)" : ""}`);
      if (!announced && serving.size === count) {
        announced = true;
        console.log(`The prize system is listening on port ${port} with ${count} workers; its address is ${origin}`);
      }
    });
  }

  function stop(code = 0) {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    if (alive.size === 0) process.exit(code);
    for (const worker of alive) worker.process.kill("SIGTERM");
    // Each worker gives itself 3 s to finish its requests.
    setTimeout(() => {
      for (const worker of alive) worker.process.kill("SIGKILL");
      process.exit(code);
    }, 5000).unref();
  }

  cluster.on("exit", (worker, code, signal) => {
    alive.delete(worker);
    const hadBackground = worker === background;
    if (hadBackground) background = undefined;
    if (stopping) {
      if (alive.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const how = signal ?? `exit code ${code}`;
    if (!serving.has(worker)) {
      // It would fail the same way again (port taken, broken build): no restart loop.
      console.error(`Worker ${worker.process.pid} stopped before serving (${how}); stopping the server.`);
      stop(1);
      return;
    }
    serving.delete(worker);
    console.error(`Worker ${worker.process.pid} stopped (${how}); starting another.`);
    // It may have queued a message and died before passing it on.
    if (background?.isConnected()) background.send({ prize: "deliver-mail" });
    start(hadBackground);
  });

  process.on("SIGTERM", () => stop());
  process.on("SIGINT", () => stop());
  for (let i = 0; i < count; i++) start(i === 0);
}
