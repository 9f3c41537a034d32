import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { useSyncExternalStore } from "react";

import { ApiError } from "@/lib/api/errors";

/**
 * Passkey ceremonies in the browser, through @simplewebauthn/browser: it turns the server's
 * options JSON (base64url strings) into the ArrayBuffers `navigator.credentials` wants and the
 * resulting PublicKeyCredential back into JSON, which the API takes unchanged. The library is
 * imported when a ceremony starts, so pages that only show a passkey button do not load it.
 */
const loadBrowser = () => import("@simplewebauthn/browser");

/**
 * Options and credentials as the API sends and takes them: the schema types them as free-form
 * objects (the backend's py_webauthn writes and reads the WebAuthn JSON shapes); here they
 * meet the library's types for those shapes.
 */
type JSONObject = Record<string, unknown>;

/**
 * Whether this browser can use passkeys at all (the same check as the library's
 * `browserSupportsWebAuthn`, without loading it). False on the server and in old browsers,
 * where passkey buttons are not shown.
 */
export function webAuthnSupported(): boolean {
  return typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";
}

const noSubscription = () => () => undefined;

/**
 * `webAuthnSupported()` for rendering: false during server rendering and hydration, the
 * browser's answer after, so passkey buttons appear without a hydration mismatch.
 */
export function useWebAuthnSupported(): boolean {
  return useSyncExternalStore(noSubscription, webAuthnSupported, () => false);
}

/**
 * The browser refuses a ceremony with a DOMException (or the library's WebAuthnError wrapping
 * one). Turned into ApiErrors with our own codes so forms show them like any other error:
 * NotAllowedError is what the user cancelling, the prompt timing out and "no passkey for this
 * site" all look like, and browsers deliberately do not tell them apart.
 */
export function webAuthnError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const name = error instanceof Error ? error.name : "";
  const code =
    error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError") {
    return new ApiError({ status: 0, code: "passkey_already_registered", detail });
  }
  if (code === "ERROR_CEREMONY_ABORTED" || name === "NotAllowedError" || name === "AbortError") {
    return new ApiError({ status: 0, code: "passkey_cancelled", detail });
  }
  return new ApiError({ status: 0, code: "passkey_failed", detail });
}

/** Asks an authenticator to sign the server's challenge; resolves to the credential JSON. */
export async function getPasskeyAssertion(options: JSONObject): Promise<JSONObject> {
  const { startAuthentication } = await loadBrowser();
  try {
    const optionsJSON = options as unknown as PublicKeyCredentialRequestOptionsJSON;
    return { ...(await startAuthentication({ optionsJSON })) };
  } catch (error) {
    throw webAuthnError(error);
  }
}

/** Asks an authenticator to create a passkey for the server's options; resolves to its JSON. */
export async function createPasskey(options: JSONObject): Promise<JSONObject> {
  const { startRegistration } = await loadBrowser();
  try {
    const optionsJSON = options as unknown as PublicKeyCredentialCreationOptionsJSON;
    return { ...(await startRegistration({ optionsJSON })) };
  } catch (error) {
    throw webAuthnError(error);
  }
}
