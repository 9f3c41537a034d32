import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { SessionList } from "@/features/security/components/session-list";
import type { UserSession } from "@/lib/api/types";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

const here: UserSession = {
  id: "0b6c1a52-0000-4000-8000-000000000001",
  device: "Chrome on Linux",
  ip: "203.0.113.5",
  location: "Berlin, Germany",
  createdAt: "2026-12-01T08:00:00Z",
  lastUsedAt: "2026-12-06T05:00:00Z",
  current: true,
};
const phone: UserSession = {
  ...here,
  id: "0b6c1a52-0000-4000-8000-000000000002",
  device: "Safari on iOS",
  ip: "198.51.100.7",
  location: null,
  current: false,
};
const unknown: UserSession = {
  ...phone,
  id: "0b6c1a52-0000-4000-8000-000000000003",
  device: "",
  ip: null,
};

function backend(list: UserSession[]) {
  const asked: string[] = [];
  server.use(
    http.get("/api/v1/users/me/sessions/", ({ response }) => response(200).json(list)),
    http.delete("/api/v1/users/me/sessions/{session_id}/", ({ params, response }) => {
      asked.push(`end ${params.session_id}`);
      return response(204).empty();
    }),
    http.post("/api/v1/users/me/sessions/end-others/", ({ response }) => {
      asked.push("end others");
      return response(200).json({ ended: list.filter((s) => !s.current).length });
    }),
  );
  return asked;
}

test("lists sessions with device, place and times, and marks this device", async () => {
  backend([here, phone, unknown]);
  renderWithIntl(<SessionList />);

  const rows = within(await screen.findByRole("list", { name: "Sessions" })).getAllByRole(
    "listitem",
  );
  expect(rows[0]).toHaveTextContent("Chrome on LinuxThis device");
  expect(rows[0]).toHaveTextContent("Berlin, Germany (203.0.113.5)");
  expect(rows[0]).toHaveTextContent(
    "Signed in Dec 1, 2026, 8:00 AM, last active Dec 6, 2026, 5:00 AM",
  );
  expect(within(rows[0]!).queryByRole("button")).not.toBeInTheDocument();
  expect(rows[1]).toHaveTextContent("198.51.100.7");
  expect(rows[2]).toHaveTextContent("An unknown device");
  expect(rows[2]).toHaveTextContent("unknown address");
});

test("ends another session after confirmation and says so, with focus on the result", async () => {
  const asked = backend([here, phone]);
  const user = userEvent.setup();
  renderWithIntl(<SessionList />);

  await user.click(await screen.findByRole("button", { name: "End session on Safari on iOS" }));
  const question = screen.getByRole("alertdialog", { name: "End this session?" });
  expect(question).toHaveAccessibleDescription(
    "Safari on iOS is signed out within minutes and must sign in again.",
  );
  await user.click(within(question).getByRole("button", { name: "End session" }));

  const result = await screen.findByText("1 session ended.");
  await waitFor(() => expect(result).toHaveFocus());
  expect(screen.queryByText("Safari on iOS")).not.toBeInTheDocument();
  expect(asked).toEqual([`end ${phone.id}`]);
  expect(screen.queryByRole("button", { name: "End all other sessions" })).not.toBeInTheDocument();
});

test("ends all other sessions at once, keeping this one", async () => {
  const asked = backend([here, phone, unknown]);
  const user = userEvent.setup();
  renderWithIntl(<SessionList />);

  await user.click(await screen.findByRole("button", { name: "End all other sessions" }));
  await user.click(
    within(screen.getByRole("alertdialog", { name: "End all other sessions?" })).getByRole(
      "button",
      { name: "End all other sessions" },
    ),
  );

  expect(await screen.findByText("2 sessions ended.")).toBeInTheDocument();
  const rows = within(screen.getByRole("list", { name: "Sessions" })).getAllByRole("listitem");
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveTextContent("This device");
  expect(asked).toEqual(["end others"]);
});

test("Cancel ends nothing", async () => {
  const asked = backend([here, phone]);
  const user = userEvent.setup();
  renderWithIntl(<SessionList />);

  await user.click(await screen.findByRole("button", { name: "End session on Safari on iOS" }));
  await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Cancel" }));

  await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
  expect(screen.getByText("Safari on iOS")).toBeInTheDocument();
  expect(asked).toEqual([]);
});

test("a failure to load is shown", async () => {
  server.use(http.get("/api/v1/users/me/sessions/", () => problem(503, "service_unavailable")));
  renderWithIntl(<SessionList />);

  expect(await screen.findByRole("alert")).toHaveTextContent(
    "The service is briefly unavailable. Please try again in a moment.",
  );
});
