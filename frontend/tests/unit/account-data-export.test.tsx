import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { DataExport } from "@/features/account/components/data-export";
import { EXPORT_POLL_MS } from "@/features/account/hooks";
import type { DataExport as Export } from "@/lib/api/types";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

describe("DataExport", () => {
  beforeEach(() =>
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }),
  );
  afterEach(() => jest.useRealTimers());

  const exportState = (
    status: Export["status"],
    progress: number,
    downloadUrl: string | null = null,
  ): Export => ({
    id: "e1",
    status,
    progress,
    downloadUrl,
    expiresAt: downloadUrl ? "2026-01-08T12:00:00Z" : null,
    createdAt: "2026-01-01T12:00:00Z",
  });

  test("polls the running export, shows its progress and ends with a download link", async () => {
    const states = [exportState("running", 60), exportState("succeeded", 100, "/media/e1.zip")];
    let polls = 0;
    server.use(
      http.post("/api/v1/users/me/exports/", ({ response }) =>
        response(202).json(exportState("pending", 0)),
      ),
      http.get("/api/v1/users/me/exports/{export_id}/", ({ params, response }) => {
        polls += 1;
        return params.export_id === "e1"
          ? response(200).json(states[Math.min(polls, states.length) - 1]!)
          : problem(404, "not_found");
      }),
    );
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithIntl(<DataExport />);

    await user.click(screen.getByRole("button", { name: "Export my data" }));
    expect(await screen.findByRole("progressbar", { name: "Export progress" })).toHaveAttribute(
      "value",
      "0",
    );
    expect(screen.getByRole("button", { name: "Export my data" })).toBeDisabled();

    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS));
    await waitFor(() =>
      expect(screen.getByRole("progressbar", { name: "Export progress" })).toHaveAttribute(
        "value",
        "60",
      ),
    );

    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS));
    expect(await screen.findByRole("link", { name: "Download your data" })).toHaveAttribute(
      "href",
      "/media/e1.zip",
    );
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();

    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS * 3));
    expect(polls).toBe(2);
  });

  test("explains a conflict when an export is already running", async () => {
    server.use(http.post("/api/v1/users/me/exports/", () => problem(409, "export_in_progress")));
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithIntl(<DataExport />);

    await user.click(screen.getByRole("button", { name: "Export my data" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("An export is already running.");
  });

  test("a failed poll says why and stops polling", async () => {
    let polls = 0;
    server.use(
      http.post("/api/v1/users/me/exports/", ({ response }) =>
        response(202).json(exportState("running", 10)),
      ),
      http.get("/api/v1/users/me/exports/{export_id}/", () => {
        polls += 1;
        return problem(404, "not_found", { detail: "Not found." });
      }),
    );
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithIntl(<DataExport />);

    await user.click(screen.getByRole("button", { name: "Export my data" }));
    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS));

    expect(await screen.findByRole("alert")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS * 3));
    expect(polls).toBe(1);
  });
});
