// Starts the real Django backend for the browser tests on a fresh database: drops and
// recreates the e2e database, empties the mail folder, starts a moto S3 server with the media
// bucket (AWS_* from playwright.config.ts), migrates, seeds demo content and runs the development
// server in the foreground (Playwright's webServer stops it, and moto with it, after the run).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";

const { DATABASE_URL, E2E_MAIL_DIR, BACKEND_PORT, AWS_S3_ENDPOINT_URL } = process.env;
if (!DATABASE_URL || !E2E_MAIL_DIR || !BACKEND_PORT || !AWS_S3_ENDPOINT_URL) {
  throw new Error(
    "start-backend.mjs is started by playwright.config.ts, which sets its environment.",
  );
}
const backend = new URL("../../backend/", import.meta.url).pathname;

function run(args) {
  const result = spawnSync("uv", ["run", ...args], { cwd: backend, stdio: "inherit" });
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

// moto in server mode (a backend dev dependency): a real HTTP S3, path-style, SigV4.
const s3 = new URL(AWS_S3_ENDPOINT_URL);
const moto = spawn("uv", ["run", "moto_server", "-H", s3.hostname, "-p", s3.port], {
  cwd: backend,
  stdio: ["ignore", "ignore", "inherit"],
});
for (let attempt = 0; ; attempt += 1) {
  const answered = await fetch(s3).then(
    () => true,
    () => false,
  );
  if (answered) break;
  if (attempt > 150) throw new Error(`moto_server did not answer on ${s3}.`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
// The bucket, and CORS for the browser's presigned POSTs and GETs (as localstack/init does).
run([
  "python",
  "-c",
  "import os, boto3\n" +
    "s3 = boto3.client('s3', endpoint_url=os.environ['AWS_S3_ENDPOINT_URL'], region_name='us-east-1')\n" +
    "bucket = os.environ['AWS_STORAGE_BUCKET_NAME']\n" +
    "s3.create_bucket(Bucket=bucket)\n" +
    "rule = {'AllowedOrigins': os.environ['S3_CORS_ALLOWED_ORIGINS'].split(','),\n" +
    "        'AllowedMethods': ['GET', 'HEAD', 'POST'], 'AllowedHeaders': ['*'], 'ExposeHeaders': ['ETag']}\n" +
    "s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={'CORSRules': [rule]})\n",
]);

run(["python", "manage.py", "migrate", "--noinput"]);
run(["python", "manage.py", "seed"]);

const server = spawn(
  "uv",
  ["run", "python", "manage.py", "runserver", `127.0.0.1:${BACKEND_PORT}`, "--noreload"],
  { cwd: backend, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.kill(signal);
    moto.kill(signal);
  });
}
server.on("exit", (code) => {
  moto.kill("SIGTERM");
  process.exit(code ?? 0);
});
