import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { AvatarUploader } from "@/features/account/components/avatar-uploader";
import { ConnectedAccounts } from "@/features/account/components/connected-accounts";
import { DataExport, EXPORT_POLL_MS } from "@/features/account/components/data-export";
import { ApiError } from "@/lib/api/errors";

import { renderWithIntl } from "./render";
import { ada as user } from "./users";

const setUser = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => ({ setUser }) }));

const api = {
  createAvatarUpload: jest.fn(),
  uploadToStorage: jest.fn(),
  finishUpload: jest.fn(),
  setAvatar: jest.fn(),
  removeAvatar: jest.fn(),
  startExport: jest.fn(),
  getExport: jest.fn(),
  listSocialAccounts: jest.fn(),
  unlinkSocialAccount: jest.fn(),
};
jest.mock("@/features/account/api", () =>
  Object.fromEntries(
    [
      "createAvatarUpload",
      "uploadToStorage",
      "finishUpload",
      "setAvatar",
      "removeAvatar",
      "startExport",
      "getExport",
      "listSocialAccounts",
      "unlinkSocialAccount",
    ].map((name) => [
      name,
      (...args: unknown[]) => (api as Record<string, jest.Mock>)[name]!(...args),
    ]),
  ),
);

describe("AvatarUploader", () => {
  test("shows live upload progress, then attaches the finished upload", async () => {
    let report: (percent: number) => void = () => undefined;
    let finishUploading: () => void = () => undefined;
    api.createAvatarUpload.mockResolvedValue({
      id: "u1",
      upload: { url: "/api/v1/uploads/u1/content/", fields: {} },
    });
    api.uploadToStorage.mockImplementation((_ticket, _file, onProgress: (p: number) => void) => {
      report = onProgress;
      return new Promise<void>((resolve) => (finishUploading = resolve));
    });
    api.finishUpload.mockResolvedValue({ id: "u1", status: "ready" });
    const updated = {
      ...user,
      avatar: { url: "/media/a.png", thumbnailUrl: "/media/a-thumb.png" },
    };
    api.setAvatar.mockResolvedValue(updated);
    renderWithIntl(<AvatarUploader user={user} />);

    const file = new File(["png-bytes"], "me.png", { type: "image/png" });
    await userEvent.setup().upload(screen.getByLabelText("Upload a picture"), file);

    await waitFor(() => expect(api.uploadToStorage).toHaveBeenCalled());
    act(() => report(42));
    expect(screen.getByRole("progressbar", { name: "Upload progress" })).toHaveAttribute(
      "value",
      "42",
    );
    expect(screen.getByText("Uploading… 42%")).toBeInTheDocument();

    act(() => finishUploading());
    await waitFor(() => expect(setUser).toHaveBeenCalledWith(updated));
    expect(api.createAvatarUpload).toHaveBeenCalledWith(file, expect.any(AbortSignal));
    expect(api.finishUpload).toHaveBeenCalledWith("u1", expect.any(AbortSignal));
    expect(api.setAvatar).toHaveBeenCalledWith("u1");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  test("refuses a non-image before asking the backend", () => {
    renderWithIntl(<AvatarUploader user={user} />);

    // fireEvent, because user-event honours the input's accept attribute and drops the file.
    fireEvent.change(screen.getByLabelText("Upload a picture"), {
      target: { files: [new File(["%PDF"], "cv.pdf", { type: "application/pdf" })] },
    });

    expect(screen.getByRole("alert")).toHaveTextContent("Please choose a JPEG, PNG or WebP image.");
    expect(api.createAvatarUpload).not.toHaveBeenCalled();
  });

  test("shows the backend's translated error when processing fails", async () => {
    api.createAvatarUpload.mockRejectedValue(
      new ApiError({ status: 413, code: "payload_too_large", detail: "Too big." }),
    );
    renderWithIntl(<AvatarUploader user={user} />);

    await userEvent
      .setup()
      .upload(
        screen.getByLabelText("Upload a picture"),
        new File(["x"], "me.png", { type: "image/png" }),
      );

    expect(await screen.findByRole("alert")).toHaveTextContent("The file is too large.");
    expect(setUser).not.toHaveBeenCalled();
  });
});

describe("AvatarUploader cancellation and errors", () => {
  /** The upload itself goes through; what follows is up to the test. */
  const uploadFinishes = () => {
    api.createAvatarUpload.mockResolvedValue({
      id: "u1",
      upload: { url: "/api/v1/uploads/u1/content/", fields: {} },
    });
    api.uploadToStorage.mockResolvedValue(undefined);
    api.finishUpload.mockResolvedValue({ id: "u1", status: "ready" });
  };

  /** uploadToStorage that hangs like a real request and rejects as axios does once aborted. */
  const hangingUpload = () => {
    const signals: AbortSignal[] = [];
    api.createAvatarUpload.mockResolvedValue({
      id: "u1",
      upload: { url: "https://bucket.s3.example.com/", fields: {} },
    });
    api.uploadToStorage.mockImplementation(
      (_ticket, _file, _onProgress, signal: AbortSignal) =>
        new Promise<void>((_resolve, reject) => {
          signals.push(signal);
          signal.addEventListener("abort", () => reject(new Error("canceled")));
        }),
    );
    return signals;
  };
  const choose = () =>
    userEvent
      .setup()
      .upload(
        screen.getByLabelText("Upload a picture"),
        new File(["x"], "me.png", { type: "image/png" }),
      );

  beforeEach(() => {
    Object.values(api).forEach((mock) => mock.mockReset());
    setUser.mockReset();
  });

  test("Cancel aborts the running upload and returns to idle without an error", async () => {
    const signals = hangingUpload();
    renderWithIntl(<AvatarUploader user={user} />);
    await choose();
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(api.createAvatarUpload.mock.calls[0]?.[1]).toBeInstanceOf(AbortSignal);

    await userEvent.setup().click(screen.getByRole("button", { name: "Cancel upload" }));

    expect(signals[0]?.aborted).toBe(true);
    expect(await screen.findByRole("status")).toHaveTextContent("Upload cancelled.");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel upload" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Upload a picture" })).toBeEnabled();
    expect(api.finishUpload).not.toHaveBeenCalled();
    expect(api.setAvatar).not.toHaveBeenCalled();
  });

  test("leaving the page aborts the running upload", async () => {
    const signals = hangingUpload();
    const { unmount } = renderWithIntl(<AvatarUploader user={user} />);
    await choose();
    await waitFor(() => expect(signals).toHaveLength(1));

    unmount();

    expect(signals[0]?.aborted).toBe(true);
  });

  test("a refused uploadId shows the field's reason, not only the generic detail", async () => {
    uploadFinishes();
    api.setAvatar.mockRejectedValue(
      new ApiError({
        status: 400,
        code: "validation_error",
        detail: "Invalid input.",
        fieldErrors: [
          {
            field: "uploadId",
            message: "Finish the upload before using it.",
            code: "upload_not_ready",
          },
        ],
      }),
    );
    renderWithIntl(<AvatarUploader user={user} />);
    await choose();

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The upload has not finished yet. Wait until it is complete and try again.",
    );
    expect(setUser).not.toHaveBeenCalled();
  });

  test("a field error with an untranslated code shows the backend's message", async () => {
    uploadFinishes();
    api.setAvatar.mockRejectedValue(
      new ApiError({
        status: 400,
        code: "validation_error",
        detail: "Invalid input.",
        fieldErrors: [{ field: "uploadId", message: "Must be a valid UUID.", code: "invalid" }],
      }),
    );
    renderWithIntl(<AvatarUploader user={user} />);
    await choose();

    expect(await screen.findByRole("alert")).toHaveTextContent("Must be a valid UUID.");
  });
});

describe("DataExport", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const exportState = (status: string, progress: number, downloadUrl: string | null = null) => ({
    id: "e1",
    status,
    progress,
    downloadUrl,
    expiresAt: downloadUrl ? "2026-01-08T12:00:00Z" : null,
    createdAt: "2026-01-01T12:00:00Z",
  });

  test("polls the running export, shows its progress and ends with a download link", async () => {
    api.startExport.mockResolvedValue(exportState("pending", 0));
    api.getExport
      .mockResolvedValueOnce(exportState("running", 60))
      .mockResolvedValueOnce(exportState("succeeded", 100, "/media/exports/e1.zip"));
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithIntl(<DataExport />);

    await user.click(screen.getByRole("button", { name: "Export my data" }));
    expect(await screen.findByRole("progressbar", { name: "Export progress" })).toHaveAttribute(
      "value",
      "0",
    );
    expect(screen.getByRole("button", { name: "Export my data" })).toBeDisabled();

    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS));
    expect(screen.getByRole("progressbar", { name: "Export progress" })).toHaveAttribute(
      "value",
      "60",
    );

    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS));
    expect(screen.getByRole("link", { name: "Download your data" })).toHaveAttribute(
      "href",
      "/media/exports/e1.zip",
    );
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();

    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS * 3));
    expect(api.getExport).toHaveBeenCalledTimes(2);
  });

  test("explains a conflict when an export is already running", async () => {
    api.startExport.mockRejectedValue(
      new ApiError({ status: 409, code: "export_in_progress", detail: "An export is running." }),
    );
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithIntl(<DataExport />);

    await user.click(screen.getByRole("button", { name: "Export my data" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("An export is already running.");
  });
});

describe("ConnectedAccounts", () => {
  const github = { id: 3, provider: "github", uid: "42", createdAt: "2026-01-05T00:00:00Z" };

  test("lists linked providers and unlinks one after confirmation", async () => {
    api.listSocialAccounts.mockResolvedValue([github]);
    api.unlinkSocialAccount.mockResolvedValue(undefined);
    jest.spyOn(window, "confirm").mockReturnValue(true);
    renderWithIntl(<ConnectedAccounts hasPassword />);

    expect(await screen.findByText("github")).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole("button", { name: "Unlink" }));

    expect(await screen.findByText("No accounts are connected.")).toBeInTheDocument();
    expect(api.unlinkSocialAccount).toHaveBeenCalledWith(3);
  });

  test("explains why the last way to log in cannot be unlinked", async () => {
    api.listSocialAccounts.mockResolvedValue([github]);
    api.unlinkSocialAccount.mockRejectedValue(
      new ApiError({ status: 409, code: "last_login_method", detail: "Set a password first." }),
    );
    jest.spyOn(window, "confirm").mockReturnValue(true);
    renderWithIntl(<ConnectedAccounts hasPassword />);

    await userEvent.setup().click(await screen.findByRole("button", { name: "Unlink" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("This is your only way to log in.");
    expect(screen.getByText("github")).toBeInTheDocument();
  });

  test.each([
    [true, "Accounts you can log in with besides your password."],
    [false, "You have no password, so you can unlink the last one only after setting a password."],
  ])("with hasPassword %s, the intro says how they log in", async (hasPassword, intro) => {
    api.listSocialAccounts.mockResolvedValue([github]);
    renderWithIntl(<ConnectedAccounts hasPassword={hasPassword} />);

    expect(await screen.findByText("github")).toBeInTheDocument();
    expect(screen.getByText(intro, { exact: false })).toBeInTheDocument();
  });
});
