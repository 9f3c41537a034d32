"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";

import { buttonClass } from "@/components/ui/button";

import { listSocialProviders } from "../api";

/** Points the provider's login URL back to `next` after the backend's /auth/callback redirect. */
function withNext(loginUrl: string, next: string): string {
  const url = new URL(loginUrl, window.location.origin);
  url.searchParams.set("next", next);
  return url.origin === window.location.origin ? url.pathname + url.search : url.toString();
}

/** One link per configured provider; renders nothing when none is configured or the call fails. */
export function SocialLoginButtons({ next }: { next: string }) {
  const t = useTranslations("auth");
  // Social login is optional: on failure there are no buttons and password login still works.
  const { data: providers = [] } = useQuery({
    queryKey: ["auth", "social-providers"],
    queryFn: listSocialProviders,
    // Configured at deploy time: fetched once per tab.
    staleTime: Infinity,
  });

  if (providers.length === 0) return null;
  return (
    <div className="space-y-2">
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">{t("orContinueWith")}</p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {providers.map((provider) => (
          <li key={provider.id}>
            {/* A full navigation, not fetch: the provider's consent page takes over the window. */}
            <a
              href={withNext(provider.loginUrl, next)}
              className={`${buttonClass("secondary")} w-full`}
            >
              {t("continueWith", { provider: provider.name })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
