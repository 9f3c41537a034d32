import axios, { AxiosError, type AxiosAdapter, type InternalAxiosRequestConfig } from "axios";

import { s3ErrorCode, uploadToStorage } from "@/features/account/api";
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

const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>R1</RequestId></Error>`;

test.each([
  [
    s3Error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"),
    "payload_too_large",
  ],
  [s3Error("AccessDenied", "Invalid according to Policy: Policy expired."), "upload_expired"],
  [s3Error("ExpiredToken", "The provided token has expired."), "upload_expired"],
  [s3Error("InvalidPolicyDocument", "Policy expired"), "upload_expired"],
  [
    s3Error("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"),
    "upload_failed",
  ],
  ["<html><body>Bad Gateway</body></html>", "upload_failed"],
  ["not xml at all", "upload_failed"],
  ["", "upload_failed"],
  [null, "upload_failed"],
])("S3's XML error %# maps to the app's code %s", (body, code) => {
  expect(s3ErrorCode(body)).toBe(code);
});

test("a refused S3 POST rejects with the mapped code, not a generic 'error'", async () => {
  axios.defaults.adapter = async (config) => {
    const response = {
      data: s3Error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"),
      status: 400,
      statusText: "Bad Request",
      headers: { "content-type": "application/xml" },
      config,
    };
    throw new AxiosError(
      "Request failed with status code 400",
      "ERR_BAD_REQUEST",
      config,
      null,
      response,
    );
  };

  await expect(
    uploadToStorage(
      { id: "u1", upload: { url: "https://bucket.s3.example.com/", fields: { key: "k" } } },
      file,
      jest.fn(),
    ),
  ).rejects.toMatchObject({ status: 400, code: "payload_too_large" });
});

test("the abort signal reaches the storage request, on S3 and on the local URL", async () => {
  const signal = new AbortController().signal;
  const tickets = [
    { id: "u1", upload: { url: "https://bucket.s3.example.com/", fields: {} } },
    { id: "u1", upload: { url: "/api/v1/uploads/u1/content/", fields: {} } },
  ];
  for (const ticket of tickets) await uploadToStorage(ticket, file, jest.fn(), signal);

  expect(sent.map((config) => config.signal)).toEqual([signal, signal]);
});
