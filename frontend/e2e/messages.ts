import { readFileSync } from "node:fs";
import path from "node:path";

import { createTranslator } from "use-intl/core";

import { routing } from "../src/i18n/routing";
import type en from "../messages/en.json";

/**
 * The site's texts as the suite's pages show them: paths without a locale prefix are served in
 * the default locale, so the tests find buttons, labels and messages by that catalog, and the
 * same journeys run in a project of either language (docs/template.md). en.json, the source
 * catalog, types the keys.
 */
const messages = JSON.parse(
  readFileSync(path.join(__dirname, "..", "messages", `${routing.defaultLocale}.json`), "utf8"),
) as typeof en;

export const t = createTranslator({ locale: routing.defaultLocale, messages });

/** Matches a name that starts as the message `key` does, up to its first argument. */
export function startOf(key: Parameters<typeof t.raw>[0]): RegExp {
  const text = String(t.raw(key)).split("{")[0] ?? "";
  return new RegExp(`^${escaped(text)}`);
}

/** `text` for a regular expression that matches it literally. */
export function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
