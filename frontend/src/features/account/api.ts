import axios from "axios";

import { api } from "@/lib/api/client";
import { ApiError, toApiError } from "@/lib/api/errors";
import type { DataExport, SocialAccount, UploadStatus, UploadTicket, User } from "@/lib/api/types";

export type { DataExport, SocialAccount, UploadTicket } from "@/lib/api/types";

export async function updateProfile(input: { firstName: string; lastName: string }) {
  return (await api.patch<User>("/v1/users/me/", input)).data;
}

export async function changePassword(input: { currentPassword: string; newPassword: string }) {
  await api.post("/v1/auth/password/change/", input);
}

/** Without a password for an account that has none (`user.hasPassword` false). */
export async function deleteAccount(password?: string) {
  await api.delete("/v1/users/me/", { data: password === undefined ? {} : { password } });
}

export async function createAvatarUpload(file: File, signal?: AbortSignal) {
  const body = { purpose: "avatar", filename: file.name, contentType: file.type, size: file.size };
  return (await api.post<UploadTicket>("/v1/uploads/", body, { signal })).data;
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
    await api.post(target.pathname.slice("/api".length) + target.search, form, config);
    return;
  }
  try {
    await axios.post(target.toString(), form, { ...config, withCredentials: false });
  } catch (error) {
    throw storageError(error);
  }
}

export async function finishUpload(id: string, signal?: AbortSignal) {
  return (await api.post<UploadStatus>(`/v1/uploads/${id}/finish/`, null, { signal })).data;
}

export async function setAvatar(uploadId: string) {
  return (await api.put<User>("/v1/users/me/avatar/", { uploadId })).data;
}

export async function removeAvatar() {
  await api.delete("/v1/users/me/avatar/");
}

export async function startExport() {
  return (await api.post<DataExport>("/v1/users/me/exports/")).data;
}

export async function getExport(id: string) {
  return (await api.get<DataExport>(`/v1/users/me/exports/${id}/`)).data;
}

export async function listSocialAccounts() {
  return (await api.get<SocialAccount[]>("/v1/users/me/social-accounts/")).data;
}

export async function unlinkSocialAccount(id: number) {
  await api.delete(`/v1/users/me/social-accounts/${id}/`);
}
