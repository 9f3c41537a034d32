"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { toApiError } from "@/lib/api/errors";
import type { Passkey } from "@/lib/api/types";
import { useApiForm } from "@/lib/use-api-form";
import { useTranslateError } from "@/lib/use-translate-error";
import { useWebAuthnSupported } from "@/lib/webauthn";

import { useAddPasskey, usePasskeys, useRemovePasskey, useRenamePasskey } from "../hooks";

const nameSchema = z.object({ name: z.string().trim().min(1, "required") });

/**
 * The account's passkeys: add one under a name (the browser creates it), rename, remove.
 * Adding and removing need a recent re-authentication (ReauthProvider). Where the browser has
 * no WebAuthn the list is still there to tidy up, without the add form.
 */
export function PasskeySettings() {
  const t = useTranslations("security");
  const translate = useTranslateError();
  const supported = useWebAuthnSupported();
  const passkeys = usePasskeys();
  const remove = useRemovePasskey();
  const { confirm, dialog } = useConfirm();
  const [added, setAdded] = useState<string | null>(null);

  const failure = passkeys.error ?? remove.error;
  const error = failure ? toApiError(failure) : null;

  const onRemove = async (passkey: Passkey) => {
    const yes = await confirm({
      title: t("removePasskeyTitle", { name: passkey.name }),
      description: t("removePasskeyBody"),
      confirmLabel: t("removePasskey"),
    });
    if (yes) remove.mutate(passkey);
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("passkeysIntro")}</p>
      {error ? (
        <Alert tone="error">{translate(error.code, error.detail, error.retryAfter)}</Alert>
      ) : null}
      {passkeys.data === undefined ? null : passkeys.data.length === 0 ? (
        <p className="text-sm">{t("passkeysNone")}</p>
      ) : (
        <ul
          aria-label={t("passkeysList")}
          className="divide-y divide-zinc-200 dark:divide-zinc-800"
        >
          {passkeys.data.map((passkey) => (
            <PasskeyItem
              key={passkey.id}
              passkey={passkey}
              onRemove={() => void onRemove(passkey)}
              removing={remove.isPending && remove.variables.id === passkey.id}
            />
          ))}
        </ul>
      )}
      {supported ? (
        <AddPasskeyForm onAdded={setAdded} />
      ) : (
        <p className="text-sm">{t("passkeysUnsupported")}</p>
      )}
      <p role="status" aria-live="polite" className="text-sm">
        {added ? t("passkeyAdded", { name: added }) : null}
      </p>
      {dialog}
    </div>
  );
}

function PasskeyItem({
  passkey,
  onRemove,
  removing,
}: {
  passkey: Passkey;
  onRemove: () => void;
  removing: boolean;
}) {
  const t = useTranslations("security");
  const format = useFormatter();
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });

  const closeRename = () => {
    setRenaming(false);
    setTimeout(() => renameButton.current?.focus());
  };

  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          <span className="font-medium">{passkey.name}</span>{" "}
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("passkeyAddedOn", { date: date(passkey.createdAt) })} ·{" "}
            {passkey.lastUsedAt
              ? t("passkeyLastUsed", { date: date(passkey.lastUsedAt) })
              : t("passkeyNeverUsed")}
          </span>
        </span>
        {renaming ? null : (
          <span className="flex gap-2">
            <Button
              ref={renameButton}
              variant="secondary"
              onClick={() => setRenaming(true)}
              aria-label={t("renamePasskeyLabel", { name: passkey.name })}
            >
              {t("renamePasskey")}
            </Button>
            <Button
              variant="secondary"
              onClick={onRemove}
              disabled={removing}
              aria-label={t("removePasskeyLabel", { name: passkey.name })}
            >
              {t("removePasskey")}
            </Button>
          </span>
        )}
      </div>
      {renaming ? <RenameForm passkey={passkey} onClose={closeRename} /> : null}
    </li>
  );
}

function RenameForm({ passkey, onClose }: { passkey: Passkey; onClose: () => void }) {
  const t = useTranslations("security");
  const rename = useRenamePasskey();
  const { form, submit, formError, fieldError } = useApiForm(nameSchema, { name: passkey.name });
  const {
    register,
    setFocus,
    formState: { errors, isSubmitting },
  } = form;

  useEffect(() => setFocus("name", { shouldSelect: true }), [setFocus]);

  const onSubmit = submit(async ({ name }) => {
    await rename.mutateAsync({ id: passkey.id, name: name.trim() });
    onClose();
  });

  return (
    <FormShell onSubmit={onSubmit} submitting={isSubmitting} error={formError} dense>
      <TextField
        label={t("passkeyNewName")}
        autoComplete="off"
        error={fieldError(errors.name)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onClose();
        }}
        {...register("name")}
      />
      <div className="flex gap-2">
        <Button type="submit">{t("save")}</Button>
        <Button variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
      </div>
    </FormShell>
  );
}

function AddPasskeyForm({ onAdded }: { onAdded: (name: string) => void }) {
  const t = useTranslations("security");
  const add = useAddPasskey();
  const { form, submit, formError, fieldError } = useApiForm(nameSchema, { name: "" });
  const {
    register,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async ({ name }) => {
    const passkey = await add.mutateAsync(name.trim());
    reset();
    onAdded(passkey.name);
  });

  return (
    <FormShell onSubmit={onSubmit} submitting={isSubmitting} error={formError} dense>
      <TextField
        label={t("passkeyName")}
        hint={t("passkeyNameHint")}
        autoComplete="off"
        error={fieldError(errors.name)}
        {...register("name")}
      />
      <Button type="submit">{isSubmitting ? t("passkeyAdding") : t("addPasskey")}</Button>
    </FormShell>
  );
}
