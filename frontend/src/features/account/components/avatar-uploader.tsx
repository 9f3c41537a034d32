"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useSession } from "@/features/auth/session";
import { toApiError } from "@/lib/api/errors";
import type { User } from "@/lib/api/types";
import { applyServerErrors } from "@/lib/forms";
import { useTranslateError } from "@/lib/use-translate-error";

import { createAvatarUpload, finishUpload, removeAvatar, setAvatar, uploadToStorage } from "../api";
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from "../schemas";

type Phase = { name: "idle" } | { name: "uploading"; percent: number } | { name: "processing" };

/** Ticket from the API, bytes straight to storage with live progress, then attach to the profile. */
export function AvatarUploader({ user }: { user: User }) {
  const t = useTranslations("account");
  const translate = useTranslateError();
  const { setUser } = useSession();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  // The running upload's controller: Cancel and leaving the page abort it. The backend expires
  // an unfinished upload by itself (UPLOADS_EXPIRE_SECONDS), so nothing needs cleaning up.
  const controller = useRef<AbortController | null>(null);
  const busy = phase.name !== "idle";

  useEffect(() => () => controller.current?.abort(), []);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    setCancelled(false);
    if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) {
      setError(t("avatarWrongType"));
      return;
    }
    if (file.size > AVATAR_MAX_BYTES) {
      setError(t("avatarTooLarge", { max: AVATAR_MAX_BYTES / 1024 / 1024 }));
      return;
    }
    const upload = new AbortController();
    controller.current = upload;
    const { signal } = upload;
    try {
      setPhase({ name: "uploading", percent: 0 });
      const ticket = await createAvatarUpload(file, signal);
      await uploadToStorage(
        ticket,
        file,
        (percent) => setPhase({ name: "uploading", percent }),
        signal,
      );
      setPhase({ name: "processing" });
      await finishUpload(ticket.id, signal);
      setUser(await setAvatar(ticket.id));
    } catch (caught) {
      if (signal.aborted) setCancelled(true);
      // A refused uploadId comes with its reason in `errors[]`; nothing here is a form field.
      else
        setError(applyServerErrors(caught, { fields: [], setError: () => undefined, translate }));
    } finally {
      if (controller.current === upload) controller.current = null;
      setPhase({ name: "idle" });
    }
  };

  const onRemove = async () => {
    setError(null);
    setCancelled(false);
    setPhase({ name: "processing" });
    try {
      await removeAvatar();
      setUser({ ...user, avatar: null });
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(translate(apiError.code, apiError.detail, apiError.retryAfter));
    } finally {
      setPhase({ name: "idle" });
    }
  };

  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex items-center gap-4">
        {user.avatar ? (
          // Storage URL with a ready-made thumbnail; see article-card.tsx.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={user.avatar.thumbnailUrl ?? user.avatar.url}
            alt={t("avatarAlt")}
            className="h-20 w-20 rounded-full object-cover"
            data-testid="avatar-image"
          />
        ) : (
          <div
            aria-hidden
            className="flex h-20 w-20 items-center justify-center rounded-full bg-zinc-200 text-2xl font-semibold dark:bg-zinc-800"
          >
            {(user.firstName || user.email).charAt(0).toUpperCase()}
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          <label htmlFor={inputId} className="sr-only">
            {t("chooseAvatar")}
          </label>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={AVATAR_TYPES.join(",")}
            className="sr-only"
            onChange={onFile}
            disabled={busy}
          />
          <Button variant="secondary" onClick={() => input.current?.click()} disabled={busy}>
            {t("chooseAvatar")}
          </Button>
          {user.avatar ? (
            <Button variant="secondary" onClick={onRemove} disabled={busy}>
              {t("removeAvatar")}
            </Button>
          ) : null}
        </div>
      </div>
      {phase.name === "uploading" ? (
        <div className="space-y-1">
          <ProgressBar value={phase.percent} label={t("uploadProgress")} />
          <p className="text-sm" aria-live="polite">
            {t("uploading", { percent: phase.percent })}
          </p>
          <Button variant="secondary" onClick={() => controller.current?.abort()}>
            {t("cancelUpload")}
          </Button>
        </div>
      ) : null}
      {cancelled ? (
        <p role="status" className="text-sm">
          {t("uploadCancelled")}
        </p>
      ) : null}
      {phase.name === "processing" ? (
        <p role="status" className="text-sm">
          {t("processing")}
        </p>
      ) : null}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("avatarHint", { max: AVATAR_MAX_BYTES / 1024 / 1024 })}
      </p>
    </div>
  );
}
