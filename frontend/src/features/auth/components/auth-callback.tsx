"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Link, useRouter } from "@/i18n/navigation";
import { safeNextPath } from "@/lib/safe-next";
import { useTranslateError } from "@/lib/use-translate-error";

import { useSession } from "../session";

import { SecondFactorStep, type SecondFactorChallenge } from "./second-factor-step";

/**
 * Landing page after social login. The backend has set the refresh cookie; one refresh turns it
 * into a session. `error` carries a backend code (errors.social.<code>) when the provider step
 * failed. For an account with a second factor there is no cookie yet but a `challenge` (the
 * ticket and methods from the URL): the second step of the login page asks for it here.
 */
export function AuthCallback({
  error,
  next,
  challenge = null,
}: {
  error: string | null;
  next: string | null;
  challenge?: SecondFactorChallenge | null;
}) {
  const t = useTranslations("auth");
  const translate = useTranslateError();
  const router = useRouter();
  const { restore } = useSession();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (error || challenge || started.current) return;
    started.current = true;
    void restore().then((user) => {
      if (user) router.replace(safeNextPath(next));
      else setFailed(true);
    });
  }, [error, challenge, next, restore, router]);

  if (challenge && !error) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onSignedIn={() => router.replace(safeNextPath(next))}
        onRestart={() => router.replace(`/login?next=${encodeURIComponent(safeNextPath(next))}`)}
      />
    );
  }

  if (error || failed) {
    return (
      <div className="space-y-4">
        <Alert tone="error">
          {error ? translate(`social.${error}`, t("socialLoginFailed")) : t("socialLoginFailed")}
        </Alert>
        <Link href="/login" className="link">
          {t("backToLogin")}
        </Link>
      </div>
    );
  }
  return <p role="status">{t("signingIn")}</p>;
}
