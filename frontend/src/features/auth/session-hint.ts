/**
 * Whether this browser may hold a refresh cookie, read from the `session_hint` cookie.
 *
 * The refresh cookie is httpOnly and scoped to /api/v1/auth/, so scripts cannot see it. The
 * backend sets `session_hint=1` next to it (readable by scripts, same lifetime) on every login,
 * refresh and provider sign-in, and deletes both together on logout, on a refused refresh and when
 * the account is deleted. Without it every page load of an anonymous visitor would make a
 * refresh call only to get a 401 (logged by the browser as a console error). The hint is not a
 * credential: it grants nothing, and a stale one costs one refresh call, which clears it.
 */
export const SESSION_HINT_COOKIE = "session_hint";

export function sessionHintPresent(): boolean {
  return document.cookie.split(/;\s*/).includes(`${SESSION_HINT_COOKIE}=1`);
}
