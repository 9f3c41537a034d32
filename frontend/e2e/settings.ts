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
/** Short enough that the suite sees an access token expire and the silent refresh happen. */
export const ACCESS_TOKEN_SECONDS = 5;
/** The stand-in GitHub Enterprise server that social login is driven through. */
export const OAUTH_STUB_PORT = Number(process.env.E2E_OAUTH_STUB_PORT ?? 8765);
export const OAUTH_STUB_URL = `http://127.0.0.1:${OAUTH_STUB_PORT}`;
/** The account the stub provider signs in (see e2e/stub-oauth-provider.mjs). */
export const OAUTH_STUB_EMAIL = "octo.e2e@example.com";
