/** Where the end-to-end run puts its servers and mail; one place for the config and the tests. */
export const FRONTEND_PORT = Number(process.env.E2E_FRONTEND_PORT ?? 3100);
export const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT ?? 8000);
/**
 * "localhost", not 127.0.0.1: WebAuthn refuses an IP address as relying-party id, and the
 * backend takes its rp id and origin from this URL (FRONTEND_URL) for the passkey steps.
 */
export const FRONTEND_URL = `http://localhost:${FRONTEND_PORT}`;
export const BACKEND_URL = `http://127.0.0.1:${BACKEND_PORT}`;
export const DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/e2e";
export const MAIL_DIR = process.env.E2E_MAIL_DIR ?? "/tmp/starter-e2e-mail";
/**
 * The RabbitMQ the suite's Celery worker (with beat) takes its tasks from: the machine's broker
 * unless E2E_CELERY_BROKER_URL or CELERY_BROKER_URL names another (a vhost of one's own).
 */
export const BROKER_URL =
  process.env.E2E_CELERY_BROKER_URL ||
  process.env.CELERY_BROKER_URL ||
  "amqp://guest:guest@127.0.0.1:5672//";
/** Queue names of the suite ("e2e.default" ...): a developer's worker on the same vhost takes none. */
export const QUEUE_PREFIX = "e2e.";
/**
 * The content cache (responses, totals) of the server, the worker and the shells of
 * e2e/backend-shell.ts: one Redis, as in production, so a change one of them makes is seen by the
 * others at once (each would otherwise keep its own in memory). Without a Redis there, every read
 * goes to the database, which is correct too. Keys are prefixed "e2e".
 */
export const CONTENT_REDIS_URL = process.env.E2E_CONTENT_REDIS_URL || "redis://127.0.0.1:6379/0";
export const CACHE_KEY_PREFIX = "e2e";
/** Short enough that the suite sees an access token expire and the silent refresh happen. */
export const ACCESS_TOKEN_SECONDS = 5;
// [copier] if social_github
/** The stand-in GitHub Enterprise server that social login is driven through. */
export const OAUTH_STUB_PORT = Number(process.env.E2E_OAUTH_STUB_PORT ?? 8765);
export const OAUTH_STUB_URL = `http://127.0.0.1:${OAUTH_STUB_PORT}`;
/** The account the stub provider signs in (see e2e/stub-oauth-provider.mjs). */
export const OAUTH_STUB_EMAIL = "octo.e2e@example.com";
// [copier] end
/** Shared by the backend and the site in this suite: the revalidation webhook's HMAC secret. */
export const REVALIDATE_SECRET = "e2e-revalidate-secret-of-32-characters-or-more";
/**
 * The backend's signing key in this suite, shared with e2e/backend-shell.ts: preview tokens the
 * shell mints must verify in the server (development otherwise picks a random key per process).
 */
export const DJANGO_SECRET_KEY = "e2e-only-signing-key-not-a-secret-" + "x".repeat(30);
/**
 * The S3 stand-in of this suite: a moto server that e2e/start-backend.mjs starts with the backend
 * (path-style, SigV4, as django-storages talks to it), so uploads go from the browser straight
 * to a bucket as in production. The backend, the shell (e2e/backend-shell.ts) and the site's CSP
 * (MEDIA_ORIGINS) all use it.
 */
export const S3_PORT = Number(process.env.E2E_S3_PORT ?? 9100);
export const S3_URL = `http://127.0.0.1:${S3_PORT}`;
export const S3_ENV = {
  AWS_STORAGE_BUCKET_NAME: "e2e-media",
  AWS_S3_ENDPOINT_URL: S3_URL,
  AWS_S3_REGION_NAME: "us-east-1",
  AWS_ACCESS_KEY_ID: "e2e",
  AWS_SECRET_ACCESS_KEY: "e2e-secret",
};
