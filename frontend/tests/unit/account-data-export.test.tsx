// [copier] if lang_de
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
// [copier] end
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
// [copier] if lang_de
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
// [copier] end

import { DataExport } from "@/features/account/components/data-export";
import { EXPORT_POLL_MS } from "@/features/account/hooks";
import type { DataExport as Export } from "@/lib/api/types";

// [copier] if lang_de
import de from "../../messages/de.json";
// [copier] end

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

describe("DataExport", () => {
  beforeEach(() =>
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }),
  );
  afterEach(() => jest.useRealTimers());

  /** GET /users/me/exports/: the history (none by default), answered anew on each request. */
  const history = (...answers: Export[][]) => {
    let calls = 0;
    server.use(
      http.get("/api/v1/users/me/exports/", ({ response }) => {
        calls += 1;
        return response(200).json(answers[Math.min(calls, answers.length) - 1] ?? []);
      }),
    );
    return () => calls;
  };

  const exportState = (
    status: Export["status"],
    progress: number,
    downloadUrl: string | null = null,
  ): Export => ({
    id: "e1",
    status,
    progress,
    size: downloadUrl ? 1_400_000 : null,
    downloadUrl,
    failure: null,
    expiresAt: downloadUrl ? "2026-01-08T12:00:00Z" : null,
    createdAt: "2026-01-01T12:00:00Z",
  });

  test("polls the running export, shows its progress and ends with a download link", async () => {
    history([]);
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
    history([]);
    server.use(http.post("/api/v1/users/me/exports/", () => problem(409, "export_in_progress")));
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithIntl(<DataExport />);

    await user.click(screen.getByRole("button", { name: "Export my data" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("An export is already running.");
  });

  test("a failed poll says why and stops polling", async () => {
    history([]);
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

  test("after a reload, resumes the progress of the export still running", async () => {
    const listed = history([exportState("running", 40)]);
    let polls = 0;
    server.use(
      http.get("/api/v1/users/me/exports/{export_id}/", ({ response }) => {
        polls += 1;
        return response(200).json(
          polls === 1 ? exportState("running", 70) : exportState("succeeded", 100, "/media/e1.zip"),
        );
      }),
    );
    renderWithIntl(<DataExport />);

    await waitFor(() =>
      expect(screen.getByRole("progressbar", { name: "Export progress" })).toHaveAttribute(
        "value",
        "70",
      ),
    );
    expect(screen.getByRole("button", { name: "Export my data" })).toBeDisabled();

    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS));
    expect(await screen.findByRole("link", { name: "Download your data" })).toBeInTheDocument();
    // The finished export is fetched into the history too.
    await waitFor(() => expect(listed()).toBe(2));
  });

  test("lists past exports with status, size, expiry and download", async () => {
    history([
      exportState("succeeded", 100, "/media/e1.zip"),
      {
        ...exportState("failed", 30),
        id: "e2",
        createdAt: "2025-12-30T09:00:00Z",
        failure: { code: "interrupted", message: "Building your export was interrupted." },
      },
      { ...exportState("succeeded", 100), id: "e3", size: 812, createdAt: "2025-12-29T09:00:00Z" },
    ]);
    renderWithIntl(<DataExport />);

    const rows = within(await screen.findByTestId("export-history")).getAllByRole("listitem");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("Ready");
    expect(rows[0]).toHaveTextContent("1.4 MB");
    expect(rows[0]).toHaveTextContent("The link works until Jan 8, 2026");
    expect(
      within(rows[0]!).getByRole("link", { name: "Download the export of Jan 1, 2026, 12:00 PM" }),
    ).toHaveAttribute("href", "/media/e1.zip");
    expect(rows[1]).toHaveTextContent("Failed");
    expect(rows[1]).toHaveTextContent(
      "Building your export was interrupted. Please start a new one.",
    );
    expect(within(rows[1]!).queryByRole("link")).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent("812 bytes");
    expect(rows[2]).toHaveTextContent("Expired");
    // Nothing in flight: nothing to resume.
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export my data" })).toBeEnabled();
  });

  test("says when there is no past export", async () => {
    history([]);
    renderWithIntl(<DataExport />);

    expect(await screen.findByText("You have not exported your data yet.")).toBeInTheDocument();
  });

  const failedExport = (code: string, message = "The API's own words."): Export => ({
    ...exportState("failed", 60),
    failure: { code: code as NonNullable<Export["failure"]>["code"], message },
  });

  test("an export that fails while polled says why, and a new one can start at once", async () => {
    history([]);
    server.use(
      http.post("/api/v1/users/me/exports/", ({ response }) =>
        response(202).json(exportState("running", 60)),
      ),
      http.get("/api/v1/users/me/exports/{export_id}/", ({ response }) =>
        response(200).json(failedExport("timed_out")),
      ),
    );
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderWithIntl(<DataExport />);

    await user.click(screen.getByRole("button", { name: "Export my data" }));
    await act(() => jest.advanceTimersByTimeAsync(EXPORT_POLL_MS));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Building your export took too long and was stopped. Please start a new one.",
    );
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export my data" })).toBeEnabled();
  });

  test("a failure code this build does not know shows the API's localised message", async () => {
    history([failedExport("disk_full", "The disk is full. Please start a new one.")]);
    renderWithIntl(<DataExport />);

    const rows = within(await screen.findByTestId("export-history")).getAllByRole("listitem");
    expect(rows[0]).toHaveTextContent("The disk is full. Please start a new one.");
  });

  // [copier] if lang_de
  test("the history gives the reason in German", async () => {
    history([failedExport("build_error")]);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const German = ({ children }: { children: ReactNode }) => (
      <NextIntlClientProvider locale="de" messages={de} timeZone="UTC">
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </NextIntlClientProvider>
    );
    renderWithIntl(<DataExport />, { wrapper: German });

    const rows = within(await screen.findByTestId("export-history")).getAllByRole("listitem");
    expect(rows[0]).toHaveTextContent("Fehlgeschlagen");
    expect(rows[0]).toHaveTextContent(
      "Beim Erstellen deines Exports ist ein Fehler aufgetreten. Bitte starte einen neuen.",
    );
  });
  // [copier] end
});
