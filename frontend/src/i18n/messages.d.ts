import type en from "../../messages/en.json";
import type { routing } from "./routing";

// Typed keys: a misspelt t("...") or a missing message fails `npm run typecheck`.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof en;
  }
}
