/**
 * jsdom has no WebAuthn. Components only look for `window.PublicKeyCredential` before showing
 * passkey controls; the ceremonies themselves go through @simplewebauthn/browser, which the
 * tests that use this replace with jest.mock (a browser's authenticator is out of jsdom's reach).
 */
export function setWebAuthnAvailable(available: boolean): void {
  if (available) {
    Object.defineProperty(window, "PublicKeyCredential", {
      value: function PublicKeyCredential() {},
      configurable: true,
      writable: true,
    });
  } else {
    delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  }
}

/** What @simplewebauthn/browser answers for a ceremony, as the backend receives it. */
export const assertion = {
  id: "cred-1",
  rawId: "cred-1",
  type: "public-key",
  response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA", userHandle: "dQ" },
  clientExtensionResults: {},
};

/** The way a browser refuses: the user cancelled, the prompt timed out, or no passkey matched. */
export function notAllowed(): Error {
  const error = new Error("The operation either timed out or was not allowed.");
  error.name = "NotAllowedError";
  return error;
}
