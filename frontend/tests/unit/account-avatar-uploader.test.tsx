import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, delay } from "msw";

import { AvatarUploader } from "@/features/account/components/avatar-uploader";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";
import { ada as user } from "./users";

const setUser = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => ({ setUser }) }));

const S3 = "https://bucket.s3.example.com/";
const updated = { ...user, avatar: { url: "/media/a.png", thumbnailUrl: "/media/a-thumb.png" } };

/** The backend and storage for an avatar upload; `storage` decides how the bytes are answered. */
function uploadBackend(storage: () => Promise<Response> | Response) {
  const requests: string[] = [];
  server.use(
    http.post("/api/v1/uploads/", async ({ request, response }) => {
      const body = await request.json();
      requests.push(`start ${body.filename} ${body.contentType}`);
      return response(201).json({ id: "u1", upload: { url: S3, fields: { key: "k" } } });
    }),
    http.untyped.post(S3, storage),
    http.post("/api/v1/uploads/{upload_id}/finish/", ({ params, response }) => {
      requests.push(`finish ${params.upload_id}`);
      return response(200).json({ id: params.upload_id, status: "ready" });
    }),
    http.put("/api/v1/users/me/avatar/", async ({ request, response }) => {
      requests.push(`attach ${(await request.json()).uploadId}`);
      return response(200).json(updated);
    }),
  );
  return requests;
}

const choose = () =>
  userEvent
    .setup()
    .upload(
      screen.getByLabelText("Upload a picture"),
      new File(["png-bytes"], "me.png", { type: "image/png" }),
    );

beforeEach(() => setUser.mockReset());

describe("AvatarUploader", () => {
  test("shows upload progress while the bytes go to storage, then attaches the upload", async () => {
    let storageAnswers: () => void = () => undefined;
    const requests = uploadBackend(async () => {
      await new Promise<void>((resolve) => (storageAnswers = resolve));
      return new HttpResponse(null, { status: 204 });
    });
    renderWithIntl(<AvatarUploader user={user} />);

    await choose();

    expect(await screen.findByRole("progressbar", { name: "Upload progress" })).toBeVisible();
    expect(screen.getByText(/^Uploading…/)).toBeInTheDocument();
    act(() => storageAnswers());
    await waitFor(() => expect(setUser).toHaveBeenCalledWith(updated));
    expect(requests).toEqual(["start me.png image/png", "finish u1", "attach u1"]);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  test("refuses a non-image before asking the backend", () => {
    const requests = uploadBackend(() => new HttpResponse(null, { status: 204 }));
    renderWithIntl(<AvatarUploader user={user} />);

    // fireEvent, because user-event honours the input's accept attribute and drops the file.
    fireEvent.change(screen.getByLabelText("Upload a picture"), {
      target: { files: [new File(["%PDF"], "cv.pdf", { type: "application/pdf" })] },
    });

    expect(screen.getByRole("alert")).toHaveTextContent("Please choose a JPEG, PNG or WebP image.");
    expect(requests).toEqual([]);
  });

  test("shows the backend's translated error when the upload is refused", async () => {
    server.use(http.post("/api/v1/uploads/", () => problem(413, "payload_too_large")));
    renderWithIntl(<AvatarUploader user={user} />);

    await choose();

    expect(await screen.findByRole("alert")).toHaveTextContent("The file is too large.");
    expect(setUser).not.toHaveBeenCalled();
  });
});

describe("AvatarUploader cancellation and errors", () => {
  /** Storage that never answers, like a slow uplink. */
  const hangingStorage = () =>
    uploadBackend(async () => {
      await delay("infinite");
      return new HttpResponse(null, { status: 204 });
    });

  test("Cancel aborts the running upload and returns to idle without an error", async () => {
    const requests = hangingStorage();
    renderWithIntl(<AvatarUploader user={user} />);
    await choose();
    const cancel = await screen.findByRole("button", { name: "Cancel upload" });

    await userEvent.setup().click(cancel);

    expect(await screen.findByRole("status")).toHaveTextContent("Upload cancelled.");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel upload" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Upload a picture" })).toBeEnabled();
    expect(requests).toEqual(["start me.png image/png"]);
  });

  test("leaving the page aborts the running upload", async () => {
    let storageAnswers: () => void = () => undefined;
    const requests = uploadBackend(async () => {
      await new Promise<void>((resolve) => (storageAnswers = resolve));
      return new HttpResponse(null, { status: 204 });
    });
    const { unmount } = renderWithIntl(<AvatarUploader user={user} />);
    await choose();
    await screen.findByRole("button", { name: "Cancel upload" });

    unmount();
    storageAnswers();
    // Not aborted, the upload would go on to finish and attach within a few milliseconds.
    await delay(100);

    expect(requests).toEqual(["start me.png image/png"]);
  });

  test("a refused uploadId shows the field's reason, not only the generic detail", async () => {
    uploadBackend(() => new HttpResponse(null, { status: 204 }));
    server.use(
      http.put("/api/v1/users/me/avatar/", () =>
        problem(400, "validation_error", {
          errors: [
            {
              field: "uploadId",
              message: "Finish the upload before using it.",
              code: "upload_not_ready",
            },
          ],
        }),
      ),
    );
    renderWithIntl(<AvatarUploader user={user} />);
    await choose();

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The upload has not finished yet. Wait until it is complete and try again.",
    );
    expect(setUser).not.toHaveBeenCalled();
  });

  test("a field error with an untranslated code shows the backend's message", async () => {
    uploadBackend(() => new HttpResponse(null, { status: 204 }));
    server.use(
      http.put("/api/v1/users/me/avatar/", () =>
        problem(400, "validation_error", {
          errors: [{ field: "uploadId", message: "Must be a valid UUID.", code: "invalid" }],
        }),
      ),
    );
    renderWithIntl(<AvatarUploader user={user} />);
    await choose();

    expect(await screen.findByRole("alert")).toHaveTextContent("Must be a valid UUID.");
  });
});
