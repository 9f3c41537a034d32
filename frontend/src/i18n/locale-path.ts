import { routing } from "./routing";

/**
 * `path` as a URL of `locale` (`/de/login`; English has no prefix), for navigation outside
 * next-intl's router: full page loads through `hardNavigate`.
 */
export function localePath(locale: string, path: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
