import { localePath } from "@/i18n/locale-path";
import { routing } from "@/i18n/routing";

/**
 * /login (or /de/login) with the page to come back to; used outside React (the API client).
 * `next` is stored without its locale prefix because the login page navigates with the
 * locale-aware router, which adds the prefix again.
 */
export function loginPath(locale: string, next: string): string {
  const prefix = locale === routing.defaultLocale ? "" : `/${locale}`;
  const unprefixed =
    prefix && (next === prefix || next.startsWith(`${prefix}/`) || next.startsWith(`${prefix}?`))
      ? next.slice(prefix.length) || "/"
      : next;
  const target = unprefixed.startsWith("?") ? `/${unprefixed}` : unprefixed;
  return localePath(locale, `/login?next=${encodeURIComponent(target)}`);
}
