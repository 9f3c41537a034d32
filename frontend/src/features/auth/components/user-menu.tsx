"use client";

import { useTranslations } from "next-intl";

import { Link, useRouter } from "@/i18n/navigation";

import { useSession } from "../session";

export function UserMenu() {
  const t = useTranslations("nav");
  const session = useSession();
  const router = useRouter();

  // Keep the header height stable while the session is being restored.
  if (session.status === "loading") return <span className="inline-block w-24" aria-hidden />;

  if (session.status === "anonymous") {
    return (
      <>
        <Link href="/login" className="hover:underline">
          {t("login")}
        </Link>
        <Link href="/register" className="hover:underline">
          {t("register")}
        </Link>
      </>
    );
  }

  const onLogout = async () => {
    await session.logout().catch(() => undefined);
    router.push("/");
  };

  return (
    <>
      <Link href="/account" className="hover:underline" data-testid="account-link">
        {session.user.firstName || session.user.email}
      </Link>
      <button type="button" onClick={onLogout} className="hover:underline">
        {t("logout")}
      </button>
    </>
  );
}
