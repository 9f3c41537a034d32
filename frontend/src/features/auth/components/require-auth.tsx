"use client";

import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";

import { usePathname, useRouter } from "@/i18n/navigation";

import { useSession } from "../session";

/**
 * Protected client pages. The access token lives only in browser memory, so the server cannot
 * tell who is logged in; this waits for the session restore and sends visitors to login with
 * the page to come back to.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useTranslations("common");
  const { status } = useSession();
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    if (status === "anonymous") {
      const next = pathname + window.location.search;
      router.replace(`/login?next=${encodeURIComponent(next)}`);
    }
  }, [status, pathname, router]);

  if (status !== "authenticated") return <p role="status">{t("loading")}</p>;
  return <>{children}</>;
}
