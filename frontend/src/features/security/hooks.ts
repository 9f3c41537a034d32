import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { Passkey, UserSession } from "@/lib/api/types";

import {
  addPasskey,
  confirmTotp,
  disableTotp,
  endOtherSessions,
  endSession,
  getMfaStatus,
  listPasskeys,
  listSessions,
  regenerateRecoveryCodes,
  removePasskey,
  renamePasskey,
  setupTotp,
} from "./api";
import { useReauth } from "./reauth";

export const securityKeys = {
  mfa: ["me", "mfa"] as const,
  passkeys: ["me", "passkeys"] as const,
  sessions: ["me", "sessions"] as const,
};

/** What protects the account: TOTP on, recovery codes left, passkeys, a password. */
export function useMfaStatus() {
  return useQuery({ queryKey: securityKeys.mfa, queryFn: getMfaStatus });
}

/**
 * The mutations below go through `withReauth`: an endpoint that wants a recent
 * re-authentication answers 403 reauthentication_required, the dialog asks for the password
 * (or a passkey) and the call runs once more. A success refetches the status, which counts
 * codes and passkeys on the server.
 */
function useSecurityMutation<Input, Output>(
  call: (input: Input) => Promise<Output>,
  options: { onSuccess?: (output: Output, input: Input) => void; refetchStatus?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const withReauth = useReauth();
  return useMutation({
    mutationFn: (input: Input) => withReauth(() => call(input)),
    onSuccess: async (output, input) => {
      options.onSuccess?.(output, input);
      if (options.refetchStatus !== false) {
        await queryClient.invalidateQueries({ queryKey: securityKeys.mfa });
      }
    },
  });
}

export const useSetupTotp = () => useSecurityMutation(() => setupTotp());

export const useConfirmTotp = () => useSecurityMutation((code: string) => confirmTotp(code));

export const useDisableTotp = () => useSecurityMutation(() => disableTotp());

export const useRegenerateRecoveryCodes = () =>
  useSecurityMutation(() => regenerateRecoveryCodes());

export function usePasskeys() {
  return useQuery({ queryKey: securityKeys.passkeys, queryFn: listPasskeys });
}

export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useSecurityMutation((name: string) => addPasskey(name), {
    onSuccess: (added) =>
      queryClient.setQueryData<Passkey[]>(securityKeys.passkeys, (list) => [
        ...(list ?? []),
        added,
      ]),
  });
}

export function useRenamePasskey() {
  const queryClient = useQueryClient();
  return useSecurityMutation(
    ({ id, name }: { id: Passkey["id"]; name: string }) => renamePasskey(id, name),
    {
      onSuccess: (renamed) =>
        queryClient.setQueryData<Passkey[]>(securityKeys.passkeys, (list) =>
          list?.map((passkey) => (passkey.id === renamed.id ? renamed : passkey)),
        ),
      refetchStatus: false,
    },
  );
}

export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useSecurityMutation((passkey: Passkey) => removePasskey(passkey.id), {
    onSuccess: (_, removed) =>
      queryClient.setQueryData<Passkey[]>(securityKeys.passkeys, (list) =>
        list?.filter((passkey) => passkey.id !== removed.id),
      ),
  });
}

export function useSessions() {
  return useQuery({ queryKey: securityKeys.sessions, queryFn: listSessions });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (session: UserSession) => endSession(session.id),
    onSuccess: (_, ended) =>
      queryClient.setQueryData<UserSession[]>(securityKeys.sessions, (list) =>
        list?.filter((session) => session.id !== ended.id),
      ),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => endOtherSessions(),
    onSuccess: () =>
      queryClient.setQueryData<UserSession[]>(securityKeys.sessions, (list) =>
        list?.filter((session) => session.current),
      ),
  });
}
