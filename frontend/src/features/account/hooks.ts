import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import type { DataExport } from "@/lib/api/types";
// [copier] if social
import type { SocialAccount } from "@/lib/api/types";
// [copier] end

import { getExport, listExports, startExport } from "./api";
// [copier] if social
import { listSocialAccounts, unlinkSocialAccount } from "./api";
// [copier] end

const keys = {
  // [copier] if social
  socialAccounts: ["me", "social-accounts"] as const,
  // [copier] end
  export: (id: string) => ["me", "exports", id] as const,
  // Not under ["me", "exports"]: refreshing the list must not refetch every export polled.
  exportList: ["me", "export-list"] as const,
};

// [copier] if social
export function useSocialAccounts() {
  return useQuery({ queryKey: keys.socialAccounts, queryFn: listSocialAccounts });
}

/** The API refuses to unlink the last way to log in (409 last_login_method). */
export function useUnlinkSocialAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: SocialAccount) => unlinkSocialAccount(account.id),
    onSuccess: (_, account) =>
      queryClient.setQueryData<SocialAccount[]>(keys.socialAccounts, (accounts) =>
        accounts?.filter((a) => a.id !== account.id),
      ),
  });
}
// [copier] end

/** How often a running export is polled; the backend updates progress as it writes. */
export const EXPORT_POLL_MS = 1500;

export const exportFinished = (item: DataExport) =>
  item.status === "succeeded" || item.status === "failed";

/** Starts an export and seeds its query, so polling starts from the answer of the POST. */
export function useStartExport(onStarted: (started: DataExport) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startExport,
    onSuccess: (started) => {
      queryClient.setQueryData(keys.export(started.id), started);
      onStarted(started);
    },
  });
}

/** Polls the export every EXPORT_POLL_MS until it has succeeded or failed, or polling failed. */
export function useExport(id: string | null) {
  return useQuery({
    queryKey: keys.export(id ?? ""),
    queryFn: () => getExport(id!),
    enabled: id !== null,
    refetchInterval: (query) => {
      const { data, status } = query.state;
      return status === "error" || (data && exportFinished(data)) ? false : EXPORT_POLL_MS;
    },
  });
}

/** The newest exports, newest first (GET /users/me/exports/): the history, and one to resume. */
export function useExports() {
  return useQuery({ queryKey: keys.exportList, queryFn: listExports });
}

/**
 * The export to follow after a reload: the newest one, while it is still pending or running.
 * The page forgets an export it started; the backend does not, so its progress resumes.
 */
export function exportToResume(exports: readonly DataExport[] | undefined): string | null {
  const newest = exports?.[0];
  return newest && !exportFinished(newest) ? newest.id : null;
}

/** Reloads the history once the followed export has finished, so it appears there. */
export function useRefreshExportsWhenFinished(current: DataExport | null | undefined) {
  const queryClient = useQueryClient();
  const finishedId = current && exportFinished(current) ? current.id : null;
  useEffect(() => {
    if (finishedId) void queryClient.invalidateQueries({ queryKey: keys.exportList });
  }, [finishedId, queryClient]);
}
