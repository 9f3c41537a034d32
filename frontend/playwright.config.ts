import { defineConfig, devices } from "@playwright/test";

import {
  ACCESS_TOKEN_SECONDS,
  BACKEND_PORT,
  BACKEND_URL,
  BROKER_URL,
  CACHE_KEY_PREFIX,
  CONTENT_REDIS_URL,
  DATABASE_URL,
  DJANGO_SECRET_KEY,
  FRONTEND_PORT,
  FRONTEND_URL,
  MAIL_DIR,
  // [copier] if social_github
  OAUTH_STUB_PORT,
  OAUTH_STUB_URL,
  // [copier] end
  QUEUE_PREFIX,
  REVALIDATE_SECRET,
  S3_ENV,
  S3_URL,
} from "./e2e/settings";

// Debian's Chromium: `npx playwright install` cannot download browsers on these machines.
const chromium = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  // One user journey shares one backend and mailbox; running journeys in parallel buys
  // nothing on two cores and makes failures harder to read.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: FRONTEND_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    locale: "en-US",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: [
    // [copier] if social_github
    {
      command: `node e2e/stub-oauth-provider.mjs ${OAUTH_STUB_PORT}`,
      url: `${OAUTH_STUB_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    // [copier] end
    {
      command: "node e2e/start-backend.mjs",
      url: `${BACKEND_URL}/healthz`,
      // Never reuse a developer's backend: the suite needs its own database, mail folder and
      // token lifetime.
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      env: {
        DJANGO_ENV: "development",
        DJANGO_SECRET_KEY,
        DATABASE_URL,
        // A Celery worker with beat runs beside the server (e2e/start-backend.mjs): scheduled
        // publishing, the emails the tests read and the revalidation calls go through RabbitMQ.
        CELERY_BROKER_URL: BROKER_URL,
        CELERY_QUEUE_PREFIX: QUEUE_PREFIX,
        // Past this budget a request leaves its task to the outbox relay (every 30 s), longer than
        // the tests wait for an email; 0.1 s (the default) is too tight for a busy test machine.
        TASK_PUBLISH_TIMEOUT: "2",
        CONTENT_REDIS_URL,
        CACHE_KEY_PREFIX,
        EMAIL_URL: `filemail://${MAIL_DIR}`,
        E2E_MAIL_DIR: MAIL_DIR,
        BACKEND_PORT: String(BACKEND_PORT),
        FRONTEND_URL,
        JWT_ACCESS_TOKEN_LIFETIME_SECONDS: String(ACCESS_TOKEN_SECONDS),
        // [copier] if social_github
        SOCIAL_AUTH_GITHUB_ENTERPRISE_URL: `${OAUTH_STUB_URL}/`,
        SOCIAL_AUTH_GITHUB_ENTERPRISE_API_URL: `${OAUTH_STUB_URL}/api/v3/`,
        SOCIAL_AUTH_GITHUB_ENTERPRISE_KEY: "e2e-client-id",
        SOCIAL_AUTH_GITHUB_ENTERPRISE_SECRET: "e2e-client-secret",
        // [copier] end
        // Publishing revalidates the site's cached pages at once (e2e/preview-and-publish.spec.ts).
        REVALIDATE_SECRET,
        REVALIDATE_URL: `${FRONTEND_URL}/cms/revalidate`,
        // Media in a moto S3 server started by start-backend.mjs; browsers post to it from the
        // site (avatars) and from the admin (article images), hence CORS for both origins.
        ...S3_ENV,
        S3_CORS_ALLOWED_ORIGINS: `${FRONTEND_URL},${BACKEND_URL}`,
      },
    },
    {
      // The production build, as users get it (CSP without 'unsafe-eval', minified bundles).
      // No --hostname: bound to one address, Next.js 16 builds the locale rewrite with
      // "localhost", treats it as an external URL and the proxy redirects in a loop.
      // The data cache of an earlier run holds the pages of a database that start-backend.mjs
      // has since recreated (other ids): a comment posted from such a page answers 404.
      command: `rm -rf .next/cache/fetch-cache && npm run build && npx next start --port ${FRONTEND_PORT}`,
      url: `${FRONTEND_URL}/login`,
      reuseExistingServer: false,
      timeout: 300_000,
      // ISR needs this production server: `next dev` caches no content reads at all.
      env: {
        BACKEND_URL,
        SITE_URL: FRONTEND_URL,
        REVALIDATE_SECRET,
        MEDIA_ORIGINS: S3_URL,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
