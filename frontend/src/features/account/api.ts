import axios from "axios";

import { api } from "@/lib/api/client";
import { toApiError } from "@/lib/api/errors";
import type { DataExport, SocialAccount, UploadStatus, UploadTicket, User } from "@/lib/api/types";

export type { DataExport, SocialAccount, UploadTicket } from "@/lib/api/types";

export async function updateProfile(input: { firstName: string; lastName: string }) {
  return (await api.patch<User>("/v1/users/me/", input)).data;
}

export async function changePassword(input: { currentPassword: string; newPassword: string }) {
  await api.post("/v1/auth/password/change/", input);
}

export async function deleteAccount(password: string) {
  await api.delete("/v1/users/me/", { data: { password } });
}

export async function createAvatarUpload(file: File) {
  const body = { purpose: "avatar", filename: file.name, contentType: file.type, size: file.size };
  return (await api.post<UploadTicket>("/v1/uploads/", body)).data;
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
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(ticket.upload.fields)) form.append(key, value);
  form.append("file", file);
  const target = new URL(ticket.upload.url, window.location.origin);
  const sameOrigin = target.origin === window.location.origin;
  const config = {
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
    throw toApiError(error);
  }
}

export async function finishUpload(id: string) {
  return (await api.post<UploadStatus>(`/v1/uploads/${id}/finish/`)).data;
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
