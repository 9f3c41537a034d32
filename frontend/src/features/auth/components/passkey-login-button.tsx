"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toApiError, type ApiError } from "@/lib/api/errors";
import type { User } from "@/lib/api/types";
import { useTranslateError } from "@/lib/use-translate-error";
import { useWebAuthnSupported } from "@/lib/webauthn";

import { loginWithPasskey } from "../api";
import { useSession } from "../session";

/**
 * Sign-in with a passkey alone, without typing an email: the browser offers the passkeys it
 * holds for this site and the one chosen names the account. A passkey is possession plus
 * user verification, so no second step follows. Hidden where the browser has no WebAuthn.
 */
export function PasskeyLoginButton({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const t = useTranslations("auth");
  const translate = useTranslateError();
  const supported = useWebAuthnSupported();
  const { completeLogin } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (!supported) return null;

  const signIn = async () => {
    setError(null);
    setBusy(true);
    try {
      onSignedIn(await completeLogin(await loginWithPasskey()));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-2">
      {error ? (
        <Alert tone="error">{translate(error.code, error.detail, error.retryAfter)}</Alert>
      ) : null}
      <Button
        variant="secondary"
        className="w-full"
        onClick={() => void signIn()}
        disabled={busy}
        aria-busy={busy}
      >
        {busy ? t("passkeySigningIn") : t("passkeyLogin")}
      </Button>
    </div>
  );
}
