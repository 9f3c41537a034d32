import axios, { type AxiosAdapter, type InternalAxiosRequestConfig } from "axios";

import { uploadToStorage } from "@/features/account/api";
import { api, setAccessToken } from "@/lib/api/client";

const sent: InternalAxiosRequestConfig[] = [];
const ok: AxiosAdapter = async (config) => {
  sent.push(config);
  config.onUploadProgress?.({ loaded: 5, total: 10, bytes: 5, lengthComputable: true });
  return { data: null, status: 204, statusText: "No Content", headers: {}, config };
};

const file = new File(["0123456789"], "me.png", { type: "image/png" });
const fieldsOf = (config: InternalAxiosRequestConfig) => [...(config.data as FormData).keys()];

beforeEach(() => {
  sent.length = 0;
  api.defaults.adapter = ok;
  axios.defaults.adapter = ok;
  setAccessToken("secret-access-token");
});

test("a presigned S3 form gets its fields first, the file last, and never the Bearer token", async () => {
  const progress = jest.fn();

  await uploadToStorage(
    {
      id: "u1",
      upload: {
        url: "https://bucket.s3.example.com/",
        fields: { key: "uploads/u1.png", policy: "p", "x-amz-signature": "s" },
      },
    },
    file,
    progress,
  );

  const [request] = sent;
  expect(request?.url).toBe("https://bucket.s3.example.com/");
  expect(fieldsOf(request!)).toEqual(["key", "policy", "x-amz-signature", "file"]);
  expect(request?.headers.get("Authorization")).toBeUndefined();
  expect(request?.withCredentials).toBe(false);
  expect(progress).toHaveBeenCalledWith(50);
});

test("the backend's local upload URL goes through the API client on this origin", async () => {
  await uploadToStorage(
    { id: "u1", upload: { url: "/api/v1/uploads/u1/content/", fields: { signature: "sig" } } },
    file,
    jest.fn(),
  );

  const [request] = sent;
  expect(request?.baseURL).toBe("/api");
  expect(request?.url).toBe("/v1/uploads/u1/content/");
  expect(fieldsOf(request!)).toEqual(["signature", "file"]);
});
