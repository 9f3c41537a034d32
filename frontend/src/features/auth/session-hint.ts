/**
 * Whether this browser may hold a refresh cookie: it logged in (password, social login or a
 * successful restore) and has not logged out or been refused a refresh since.
 *
 * The refresh cookie is httpOnly and scoped to /api/v1/auth/, so scripts cannot see it. Without
 * this hint every page load of an anonymous visitor would make a refresh call only to get a 401
 * (logged by the browser as a console error). The hint is a plain flag, not a credential: it
 * grants nothing, and a wrong value costs one refresh call (stale hint) or shows a logged-in
 * reader as anonymous until they log in again (hint lost, e.g. site data partly cleared).
 */
const KEY = "session-hint";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage blocked (privacy settings, sandboxed frame).
    return null;
  }
}

export const sessionHint = {
  /** True when a refresh is worth trying; also when storage is unavailable (then always try). */
  present(): boolean {
    const store = storage();
    return store === null || store.getItem(KEY) === "1";
  },
  remember(): void {
    try {
      storage()?.setItem(KEY, "1");
    } catch {
      // Quota or blocked storage: the next load simply makes the refresh call.
    }
  },
  forget(): void {
    try {
      storage()?.removeItem(KEY);
    } catch {
      // As above.
    }
  },
};
