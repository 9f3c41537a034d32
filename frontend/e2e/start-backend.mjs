// Starts the real Django backend for the browser tests on a fresh database: drops and
// recreates the e2e database, empties the mail folder, migrates, seeds demo content, starts a
// Celery worker with beat on CELERY_BROKER_URL and runs the development server in the
// foreground. Playwright's webServer stops both after the run (it kills the process group);
// either one ending ends the other.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

const { DATABASE_URL, E2E_MAIL_DIR, BACKEND_PORT } = process.env;
if (!DATABASE_URL || !E2E_MAIL_DIR || !BACKEND_PORT) {
  throw new Error(
    "start-backend.mjs is started by playwright.config.ts, which sets its environment.",
  );
}
const backend = new URL("../../backend/", import.meta.url).pathname;

// Before the worker is up, tasks run inline (the seed's too): nothing of theirs waits in a queue.
function run(args) {
  const result = spawnSync("uv", ["run", ...args], {
    cwd: backend,
    stdio: "inherit",
    env: { ...process.env, CELERY_BROKER_URL: "" },
  });
  if (result.status !== 0) {
    throw new Error(`\`uv run ${args.join(" ")}\` failed in ${backend} (exit ${result.status}).`);
  }
}

rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
mkdirSync(E2E_MAIL_DIR, { recursive: true });

const database = new URL(DATABASE_URL);
const name = database.pathname.slice(1);
if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`Refusing to reset a database named ${name}.`);
database.pathname = "/postgres";
// psycopg ships with the backend, so no psql client is needed on the machine.
run([
  "python",
  "-c",
  "import sys, psycopg\n" +
    "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n" +
    "    c.execute(f'DROP DATABASE IF EXISTS {sys.argv[2]} WITH (FORCE)')\n" +
    "    c.execute(f'CREATE DATABASE {sys.argv[2]}')\n",
  database.toString(),
  name,
]);

run(["python", "manage.py", "migrate", "--noinput"]);
run(["python", "manage.py", "seed"]);

// As in production: emails, revalidation calls and thumbnails through RabbitMQ, and beat's
// schedule (django-celery-beat's DatabaseScheduler; publish-due-articles runs every minute).
// --purge drops what an earlier run left in the suite's queues: its database is gone.
const worker = spawn(
  "uv",
  [
    ...["run", "celery", "--app", "config", "worker", "--beat", "--purge"],
    ...["--concurrency", "2", "--loglevel", "INFO", "--without-gossip", "--without-mingle"],
  ],
  { cwd: backend, stdio: "inherit" },
);
const server = spawn(
  "uv",
  ["run", "python", "manage.py", "runserver", `127.0.0.1:${BACKEND_PORT}`, "--noreload"],
  { cwd: backend, stdio: "inherit" },
);
const children = [worker, server];
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}
for (const child of children) {
  child.on("exit", (code) => {
    children.filter((other) => other !== child).forEach((other) => other.kill("SIGTERM"));
    process.exit(code ?? 0);
  });
}
