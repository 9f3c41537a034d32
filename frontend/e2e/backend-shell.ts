import { spawnSync } from "node:child_process";
import path from "node:path";

import {
  DATABASE_URL,
  DJANGO_SECRET_KEY,
  FRONTEND_URL,
  REVALIDATE_SECRET,
  S3_ENV,
} from "./settings";

const backend = path.join(__dirname, "..", "..", "backend");

/**
 * Runs Python in the e2e backend's Django (its database and settings, tasks inline) and returns
 * what it prints: the editor's side of a journey (create, publish, edit) through the content
 * services, as the admin calls them, without driving the admin's forms.
 */
export function djangoShell(code: string): string {
  const result = spawnSync(
    "uv",
    ["run", "python", "manage.py", "shell", "--no-imports", "-c", code],
    {
      cwd: backend,
      encoding: "utf8",
      env: {
        ...process.env,
        DJANGO_ENV: "development",
        // The e2e backend's key: the preview tokens minted here must verify there.
        DJANGO_SECRET_KEY,
        DATABASE_URL,
        CELERY_BROKER_URL: "",
        FRONTEND_URL,
        REVALIDATE_SECRET,
        REVALIDATE_URL: `${FRONTEND_URL}/cms/revalidate`,
        // The backend's media bucket (moto), so the shell reads and writes the same files.
        ...S3_ENV,
      },
    },
  );
  if (result.status !== 0) throw new Error(`Django shell failed:\n${result.stderr}`);
  return result.stdout.trim();
}
