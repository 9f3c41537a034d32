import { apiClient } from "@/lib/api/client";
import type {
  LoginResult,
  MfaChallenge,
  PasswordResetConfirmInput,
  RegisterInput,
} from "@/lib/api/types";
import { getPasskeyAssertion } from "@/lib/webauthn";

export async function register(input: RegisterInput): Promise<void> {
  await apiClient.POST("/api/v1/auth/register/", { body: input });
}

export async function verifyEmail(token: string): Promise<void> {
  await apiClient.POST("/api/v1/auth/verify-email/", { body: { token } });
}

export async function resendVerificationEmail(email: string): Promise<void> {
  await apiClient.POST("/api/v1/auth/verify-email/resend/", { body: { email } });
}

/**
 * 200 {access, user} signs in; 202 {ticket, methods, expiresAt} asks for a second factor first
 * (`isMfaChallenge`).
 */
export function login(email: string, password: string) {
  // A 401 here means wrong credentials, not an expired token: never refresh.
  return apiClient.POST("/api/v1/auth/login/", {
    body: { email, password },
    skipAuthRefresh: true,
  });
}

export function isMfaChallenge(result: LoginResult | MfaChallenge): result is MfaChallenge {
  return "ticket" in result;
}

// The second step of a login and the passkey sign-in run without a session: a 401 is a wrong
// code or credential, never an access token to refresh.

export function verifyTotp(ticket: string, code: string) {
  return apiClient.POST("/api/v1/auth/mfa/totp/", {
    body: { ticket, code },
    skipAuthRefresh: true,
  });
}

export function verifyRecoveryCode(ticket: string, code: string) {
  return apiClient.POST("/api/v1/auth/mfa/recovery-code/", {
    body: { ticket, code },
    skipAuthRefresh: true,
  });
}

/** The passkey as second factor: the challenge names the account's own passkeys. */
export async function verifyPasskey(ticket: string) {
  const { challengeId, options } = await apiClient.POST("/api/v1/auth/mfa/passkey/options/", {
    body: { ticket },
    skipAuthRefresh: true,
  });
  const credential = await getPasskeyAssertion(options);
  return apiClient.POST("/api/v1/auth/mfa/passkey/", {
    body: { ticket, challengeId, credential },
    skipAuthRefresh: true,
  });
}

/** Usernameless sign-in: any discoverable passkey of this site answers the challenge. */
export async function loginWithPasskey() {
  const { challengeId, options } = await apiClient.POST("/api/v1/auth/passkey/options/", {
    skipAuthRefresh: true,
  });
  const credential = await getPasskeyAssertion(options);
  return apiClient.POST("/api/v1/auth/passkey/login/", {
    body: { challengeId, credential },
    skipAuthRefresh: true,
  });
}

export async function logout(): Promise<void> {
  await apiClient.POST("/api/v1/auth/logout/", { skipAuthRefresh: true });
}

export async function requestPasswordReset(email: string): Promise<void> {
  await apiClient.POST("/api/v1/auth/password/reset/", { body: { email } });
}

export async function confirmPasswordReset(body: PasswordResetConfirmInput): Promise<void> {
  await apiClient.POST("/api/v1/auth/password/reset/confirm/", { body });
}

export function getMe() {
  return apiClient.GET("/api/v1/users/me/");
}
// [copier] if social

export function listSocialProviders() {
  return apiClient.GET("/api/v1/auth/social/providers/");
}
// [copier] end
