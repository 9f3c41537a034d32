import { useTranslations } from "next-intl";

import { ThemeSwitch } from "@/components/theme/theme-switch";
import { UserMenu } from "@/features/auth/components/user-menu";
import { Link } from "@/i18n/navigation";

// [copier] if lang_both
import { LocaleSwitcher } from "./locale-switcher";
// [copier] end

export function SiteHeader() {
  const t = useTranslations("nav");
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <nav
        aria-label={t("main")}
        className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6"
      >
        <Link href="/" className="text-lg font-bold">
          {t("brand")}
        </Link>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <Link href="/" className="hover:underline">
            {t("articles")}
          </Link>
          <UserMenu />
          {/* [copier] if lang_both */}
          <LocaleSwitcher />
          {/* [copier] end */}
          <ThemeSwitch />
        </div>
      </nav>
    </header>
  );
}
