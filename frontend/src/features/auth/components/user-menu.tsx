"use client";

import { useTranslations } from "next-intl";

import { Avatar } from "@/components/ui/avatar";
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
      <Link
        href="/account"
        className="inline-flex items-center gap-2 hover:underline"
        data-testid="account-link"
      >
        <Avatar
          name={`${session.user.firstName} ${session.user.lastName}`.trim() || session.user.email}
          src={session.user.avatar?.thumbnailUrl ?? session.user.avatar?.url}
        />
        <span>{session.user.firstName || session.user.email}</span>
      </Link>
      <button type="button" onClick={onLogout} className="hover:underline">
        {t("logout")}
      </button>
    </>
  );
}
