import { apiClient, setAccessToken } from "@/lib/api/client";
import { createPasskey, getPasskeyAssertion } from "@/lib/webauthn";

// Calls marked "reauth" answer 403 reauthentication_required without a recent
// re-authentication; `useReauth` (reauth.tsx) asks for one and retries them.

export function getMfaStatus() {
  return apiClient.GET("/api/v1/users/me/mfa/");
}

/** reauth. A new setup replaces a pending, unconfirmed one. */
export function setupTotp() {
  return apiClient.POST("/api/v1/users/me/mfa/totp/setup/");
}

/** reauth. Recovery codes come back when this made them (the first second factor), else null. */
export function confirmTotp(code: string) {
  return apiClient.POST("/api/v1/users/me/mfa/totp/confirm/", { body: { code } });
}

/** reauth. */
export async function disableTotp() {
  await apiClient.DELETE("/api/v1/users/me/mfa/totp/");
}

/** reauth. The previous codes stop working. */
export function regenerateRecoveryCodes() {
  return apiClient.POST("/api/v1/users/me/mfa/recovery-codes/");
}

export function listPasskeys() {
  return apiClient.GET("/api/v1/users/me/passkeys/");
}

/** reauth (both calls). The browser creates the key between them. */
export async function addPasskey(name: string) {
  const { challengeId, options } = await apiClient.POST("/api/v1/users/me/passkeys/options/");
  const credential = await createPasskey(options);
  return apiClient.POST("/api/v1/users/me/passkeys/", {
    body: { challengeId, credential, name },
  });
}

export function renamePasskey(id: number, name: string) {
  return apiClient.PATCH("/api/v1/users/me/passkeys/{passkey_id}/", {
    params: { path: { passkey_id: id } },
    body: { name },
  });
}

/** reauth. */
export async function removePasskey(id: number) {
  await apiClient.DELETE("/api/v1/users/me/passkeys/{passkey_id}/", {
    params: { path: { passkey_id: id } },
  });
}

export function listSessions() {
  return apiClient.GET("/api/v1/users/me/sessions/");
}

export async function endSession(id: string) {
  await apiClient.DELETE("/api/v1/users/me/sessions/{session_id}/", {
    params: { path: { session_id: id } },
  });
}

export function endOtherSessions() {
  return apiClient.POST("/api/v1/users/me/sessions/end-others/");
}

/**
 * Proves it is still the account's owner, with the password or a passkey. The answer is an
 * access token like the current one plus the time of this proof, which the reauth endpoints
 * accept for a few minutes: it replaces the token in memory (the refresh cookie is unchanged).
 */
export async function reauthenticateWithPassword(password: string) {
  const { access } = await apiClient.POST("/api/v1/auth/reauthenticate/", { body: { password } });
  setAccessToken(access);
}

export async function reauthenticateWithPasskey() {
  const { challengeId, options } = await apiClient.POST("/api/v1/auth/reauthenticate/options/");
  const credential = await getPasskeyAssertion(options);
  const { access } = await apiClient.POST("/api/v1/auth/reauthenticate/", {
    body: { challengeId, credential },
  });
  setAccessToken(access);
}
