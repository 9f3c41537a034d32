import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["en", "de"],
  defaultLocale: "en",
  // The default locale has no prefix, so the backend's email links (/verify-email,
  // /reset-password, /auth/callback) work as they are.
  localePrefix: "as-needed",
});

export type Locale = (typeof routing.locales)[number];
