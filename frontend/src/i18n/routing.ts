import { defineRouting } from "next-intl/routing";

const LOCALES = [
  // The first is the default. The template asks which to keep (docs/template.md).
  // [copier] if lang_en
  "en",
  // [copier] end
  // [copier] if lang_de
  "de",
  // [copier] end
] as const;

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: LOCALES[0],
  // The default locale has no prefix, so the backend's email links (/verify-email,
  // /reset-password, a sign-in provider's callback) work as they are.
  localePrefix: "as-needed",
});

export type Locale = (typeof routing.locales)[number];
