"use client";

import { useLocale } from "next-intl";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";

import { ApiError } from "@/lib/api/errors";
import type { LoginResult, MfaChallenge, User } from "@/lib/api/types";
import { hardNavigate } from "@/lib/hard-navigate";

import { loginPath } from "./login-path";
import { sessionHintPresent } from "./session-hint";

// The API client (Axios, ~14 kB gzip) is loaded after hydration rather than with the page:
// every page has this provider, and public pages need no API call before first paint.
const loadClient = () => import("@/lib/api/client");
const loadAuthApi = () => import("./api");

type SessionState =
  | { status: "loading"; user: null }
  | { status: "authenticated"; user: User }
  | { status: "anonymous"; user: null };

/** A password login either signs in or, for an account with a second factor, asks for it. */
export type LoginOutcome =
  { user: User; challenge: null } | { user: null; challenge: MfaChallenge };

type SessionContextValue = SessionState & {
  /** Password login; throws ApiError (invalid_credentials, email_not_verified, ...). */
  login: (email: string, password: string) => Promise<LoginOutcome>;
  /**
   * Signs in with the token the API issued after a second factor or a passkey (the refresh
   * cookie came with the same response).
   */
  completeLogin: (result: LoginResult) => Promise<User>;
  /** Exchange the refresh cookie for a session (page load, a provider sign-in's callback). */
  restore: () => Promise<User | null>;
  logout: () => Promise<void>;
  /** Replace the cached user after the profile or avatar changed. */
  setUser: (user: User) => void;
  /** Forget the session locally (account deleted). */
  clear: () => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

// Waits before each retry of a refresh that failed for a reason other than the session itself
// (503 during a deploy, a network blip): the cookie may well be good.
const RESTORE_RETRY_DELAYS_MS = [1000, 3000];

const sessionRefused = (error: unknown) =>
  error instanceof ApiError && (error.status === 401 || error.code === "token_not_valid");

async function restoreSession(): Promise<User | null> {
  const [client, authApi] = await Promise.all([loadClient(), loadAuthApi()]);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await client.refreshAccessToken();
      break;
    } catch (error) {
      // No or expired refresh cookie (the backend has cleared it and the hint): anonymous. So
      // too when the API stays unreachable: the visitor can still log in by hand.
      if (sessionRefused(error) || attempt >= RESTORE_RETRY_DELAYS_MS.length) return null;
      await new Promise((resolve) => setTimeout(resolve, RESTORE_RETRY_DELAYS_MS[attempt]));
    }
  }
  return authApi.getMe();
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const [state, setState] = useState<SessionState>({ status: "loading", user: null });

  useEffect(() => {
    void loadClient().then((client) => client.setRequestLocale(locale));
  }, [locale]);

  const clear = useCallback(() => {
    void loadClient().then((client) => client.setAccessToken(null));
    setState({ status: "anonymous", user: null });
  }, []);

  useEffect(() => {
    void loadClient().then((client) =>
      client.setSessionExpiredHandler(() => {
        clear();
        const here = window.location.pathname + window.location.search;
        hardNavigate(loginPath(locale, here));
      }),
    );
  }, [clear, locale]);

  const settle = useCallback((user: User | null) => {
    setState(user ? { status: "authenticated", user } : { status: "anonymous", user: null });
    return user;
  }, []);

  const restore = useCallback(
    () =>
      restoreSession()
        .catch(() => null)
        .then(settle),
    [settle],
  );

  useEffect(() => {
    // One refresh call per page load (the client shares it with any request racing it), but
    // only where a refresh cookie can exist: anonymous visitors would just get a 401.
    void (sessionHintPresent() ? restore() : Promise.resolve(null).then(settle));
  }, [restore, settle]);

  const completeLogin = useCallback(async (result: LoginResult) => {
    (await loadClient()).setAccessToken(result.access);
    setState({ status: "authenticated", user: result.user });
    return result.user;
  }, []);

  const login = useCallback(
    async (email: string, password: string): Promise<LoginOutcome> => {
      const authApi = await loadAuthApi();
      const result = await authApi.login(email, password);
      // No token and no cookie yet: the ticket only opens the second step.
      if (authApi.isMfaChallenge(result)) return { user: null, challenge: result };
      return { user: await completeLogin(result), challenge: null };
    },
    [completeLogin],
  );

  const logout = useCallback(async () => {
    try {
      await (await loadAuthApi()).logout();
    } finally {
      clear();
    }
  }, [clear]);

  const setUser = useCallback((user: User) => setState({ status: "authenticated", user }), []);

  const value = useMemo(
    () => ({ ...state, login, completeLogin, restore, logout, setUser, clear }),
    [state, login, completeLogin, restore, logout, setUser, clear],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession() must be used inside <SessionProvider>.");
  return value;
}
