import { HttpResponse } from "msw";

import { s3ErrorCode, uploadToStorage } from "@/features/account/api";
import { setAccessToken } from "@/lib/api/client";

import { http, server } from "./server";

const S3 = "https://bucket.s3.example.com/";
const LOCAL = "/api/v1/uploads/u1/content/";

type Received = {
  url: string;
  fields: string[];
  authorization: string | null;
  credentials: string;
};

/** Storage that accepts every upload and keeps what it was sent. */
function storage(answer: () => Response = () => new HttpResponse(null, { status: 204 })) {
  const received: Received[] = [];
  const keep = async ({ request }: { request: Request }) => {
    received.push({
      url: request.url,
      fields: [...(await request.formData()).keys()],
      authorization: request.headers.get("Authorization"),
      credentials: request.credentials,
    });
    return answer();
  };
  server.use(http.untyped.post(S3, keep), http.untyped.post(LOCAL, keep));
  return received;
}

const file = new File(["0123456789"], "me.png", { type: "image/png" });

beforeEach(() => setAccessToken("secret-access-token"));

test("a presigned S3 form gets its fields first, the file last, and never the Bearer token", async () => {
  const received = storage();
  const progress = jest.fn();

  await uploadToStorage(
    {
      id: "u1",
      upload: { url: S3, fields: { key: "uploads/u1.png", policy: "p", "x-amz-signature": "s" } },
    },
    file,
    progress,
  );

  expect(received).toEqual([
    {
      url: S3,
      fields: ["key", "policy", "x-amz-signature", "file"],
      authorization: null,
      // No cookies go to another origin.
      credentials: "same-origin",
    },
  ]);
  expect(progress).toHaveBeenLastCalledWith(100);
});

test("the backend's local upload URL goes through the API client on this origin", async () => {
  const received = storage();

  await uploadToStorage(
    { id: "u1", upload: { url: LOCAL, fields: { signature: "sig" } } },
    file,
    jest.fn(),
  );

  expect(received).toEqual([
    {
      url: `http://localhost${LOCAL}`,
      fields: ["signature", "file"],
      authorization: "Bearer secret-access-token",
      credentials: "include",
    },
  ]);
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
  storage(
    () =>
      new HttpResponse(
        s3Error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"),
        { status: 400, headers: { "Content-Type": "application/xml" } },
      ),
  );

  await expect(
    uploadToStorage({ id: "u1", upload: { url: S3, fields: { key: "k" } } }, file, jest.fn()),
  ).rejects.toMatchObject({ status: 400, code: "payload_too_large" });
});

test.each([S3, LOCAL])(
  "an aborted signal stops the upload to %s before it is sent",
  async (url) => {
    const received = storage();
    const controller = new AbortController();
    controller.abort();

    await expect(
      uploadToStorage(
        { id: "u1", upload: { url, fields: {} } },
        file,
        jest.fn(),
        controller.signal,
      ),
    ).rejects.toThrow();
    expect(received).toEqual([]);
  },
);
