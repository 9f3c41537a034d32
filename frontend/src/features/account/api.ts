import axios from "axios";

import { api, apiClient } from "@/lib/api/client";
import { ApiError, toApiError } from "@/lib/api/errors";
import type {
  EmailChangeInput,
  PasswordChangeInput,
  ProfileInput,
  UploadTicket,
} from "@/lib/api/types";

export function updateProfile(body: ProfileInput) {
  return apiClient.PATCH("/api/v1/users/me/", { body });
}

export async function changePassword(body: PasswordChangeInput) {
  await apiClient.POST("/api/v1/auth/password/change/", { body });
}

/** 202 whether or not another account has the address: the emails say the rest. */
export async function requestEmailChange(body: EmailChangeInput) {
  await apiClient.POST("/api/v1/users/me/email/", { body });
}

/** Spends the token of the link sent to the new address; every session of the account ends. */
export async function confirmEmailChange(token: string) {
  await apiClient.POST("/api/v1/auth/email/change/confirm/", { body: { token } });
}

/**
 * Without a password for an account that has none (`user.hasPassword` false). The one call
 * not made through `apiClient`: drf-spectacular leaves DELETE request bodies out of the schema,
 * so backend/openapi.yaml has no type for the `password` this endpoint reads (UserDeleteInput
 * in backend/apps/accounts/apis.py).
 */
export async function deleteAccount(password?: string) {
  await api.delete("/api/v1/users/me/", { data: password === undefined ? {} : { password } });
}

export function createAvatarUpload(file: File, signal?: AbortSignal) {
  return apiClient.POST("/api/v1/uploads/", {
    body: { purpose: "avatar", filename: file.name, contentType: file.type, size: file.size },
    signal,
  });
}
/**
 * S3 answers a refused presigned POST with an XML document
 * (`<Error><Code>EntityTooLarge</Code><Message>…</Message></Error>`), not a problem document.
 * Maps it to one of the app's own error codes, which messages/*.json translate. S3 reports an
 * expired policy as AccessDenied ("Invalid according to Policy: Policy expired.").
 */
export function s3ErrorCode(body: unknown): string {
  if (typeof body !== "string" || body.trim() === "") return "upload_failed";
  const doc = new DOMParser().parseFromString(body, "application/xml");
  const text = (tag: string) => doc.getElementsByTagName(tag)[0]?.textContent?.trim() ?? "";
  const code = text("Code");
  if (code === "EntityTooLarge") return "payload_too_large";
  if (code === "AccessDenied" || code === "ExpiredToken" || /policy expired/i.test(text("Message")))
    return "upload_expired";
  return "upload_failed";
}

/** An error from the storage POST: S3's XML mapped by `s3ErrorCode`; no answer stays `network_error`. */
export function storageError(error: unknown): ApiError {
  const apiError = toApiError(error);
  if (!axios.isAxiosError(error) || !error.response) return apiError;
  return new ApiError({
    status: apiError.status,
    code: s3ErrorCode(error.response.data),
    detail: apiError.detail,
    requestId: apiError.requestId,
  });
}

/**
 * Sends the file straight to storage: a presigned S3 POST, or the backend's local upload URL.
 * Form fields go first and the file last, as S3 requires. Our API instance is used only for
 * same-origin URLs: storage on another origin must never see the Bearer token.
 */
export async function uploadToStorage(
  ticket: UploadTicket,
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(ticket.upload.fields)) form.append(key, value);
  form.append("file", file);
  const target = new URL(ticket.upload.url, window.location.origin);
  const sameOrigin = target.origin === window.location.origin;
  const config = {
    signal,
    onUploadProgress: (event: { loaded: number; total?: number }) =>
      onProgress(Math.round((event.loaded / (event.total ?? file.size)) * 100)),
  };
  if (sameOrigin && target.pathname.startsWith("/api/")) {
    // The ticket's URL, not a schema path: which storage answers is the backend's choice.
    await api.post(target.pathname + target.search, form, config);
    return;
  }
  try {
    await axios.post(target.toString(), form, { ...config, withCredentials: false });
  } catch (error) {
    throw storageError(error);
  }
}

export function finishUpload(id: string, signal?: AbortSignal) {
  return apiClient.POST("/api/v1/uploads/{upload_id}/finish/", {
    params: { path: { upload_id: id } },
    signal,
  });
}

export function setAvatar(uploadId: string) {
  return apiClient.PUT("/api/v1/users/me/avatar/", { body: { uploadId } });
}

export async function removeAvatar() {
  await apiClient.DELETE("/api/v1/users/me/avatar/");
}

export function startExport() {
  return apiClient.POST("/api/v1/users/me/exports/");
}

/** The newest exports, newest first: one still pending or running is the first. */
export function listExports() {
  return apiClient.GET("/api/v1/users/me/exports/");
}

export function getExport(id: string) {
  return apiClient.GET("/api/v1/users/me/exports/{export_id}/", {
    params: { path: { export_id: id } },
  });
}
// [copier] if social

export function listSocialAccounts() {
  return apiClient.GET("/api/v1/users/me/social-accounts/");
}

export async function unlinkSocialAccount(id: number) {
  await apiClient.DELETE("/api/v1/users/me/social-accounts/{account_id}/", {
    params: { path: { account_id: id } },
  });
}
// [copier] end
