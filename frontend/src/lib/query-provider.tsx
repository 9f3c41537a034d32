"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import { ApiError } from "@/lib/api/errors";

/** A retry helps only when nothing or a 5xx answered; a 4xx would answer the same again. */
export function retryable(failures: number, error: unknown): boolean {
  if (failures >= 2) return false;
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/**
 * The settings every query of the app shares. A 401 never reaches here as a failure to retry:
 * the API client has already refreshed the token and replayed the request (lib/api/client.ts).
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data rendered on the server or just fetched is not refetched on mount for a minute.
        staleTime: 60_000,
        retry: retryable,
      },
    },
  });
}

/**
 * Client-side server state (TanStack Query) where there is any: the layouts of the account
 * page and the sign-in pages (sign-in providers), and an article's comments once they have
 * loaded. Public pages do not load the library with their first paint. One client per layout,
 * kept across the navigations inside it.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
