import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { ThemeProvider } from "@/components/theme/theme-provider";
import { ThemeSwitch } from "@/components/theme/theme-switch";

import { renderWithIntl } from "./render";

/** jsdom has no matchMedia; this one answers prefers-color-scheme and can change it. */
function emulateColorScheme(initial: "light" | "dark") {
  let dark = initial === "dark";
  const listeners = new Set<() => void>();
  window.matchMedia = jest.fn((query: string) => ({
    get matches() {
      return query === "(prefers-color-scheme: dark)" && dark;
    },
    media: query,
    onchange: null,
    addListener: (listener: () => void) => listeners.add(listener),
    removeListener: (listener: () => void) => listeners.delete(listener),
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    dispatchEvent: () => true,
  })) as unknown as typeof window.matchMedia;
  return (scheme: "light" | "dark") => {
    dark = scheme === "dark";
    act(() => listeners.forEach((listener) => listener()));
  };
}

function renderSwitch() {
  return renderWithIntl(
    <ThemeProvider>
      <ThemeSwitch />
    </ThemeProvider>,
  );
}

const html = document.documentElement;

beforeEach(() => {
  localStorage.clear();
  html.className = "";
  // next-themes renders its pre-paint script in the tree. In the browser it arrives with the
  // server's HTML; rendered only on the client, as here, React says it will not run it.
  const consoleError = console.error;
  jest.spyOn(console, "error").mockImplementation((message, ...rest) => {
    if (String(message).startsWith("Encountered a script tag")) return;
    consoleError(message, ...rest);
  });
});

test("is a labelled radio group that follows the system until the visitor chooses", () => {
  emulateColorScheme("dark");
  renderSwitch();

  const group = screen.getByRole("group", { name: "Theme" });
  expect(group).toBeInTheDocument();
  expect(screen.getAllByRole("radio").map((radio) => radio.getAttribute("value"))).toEqual([
    "light",
    "dark",
    "system",
  ]);
  expect(screen.getByRole("radio", { name: "System" })).toBeChecked();
  expect(html).toHaveClass("dark");
});

test("a click chooses a theme, sets the class on <html> and remembers it", async () => {
  emulateColorScheme("dark");
  const user = userEvent.setup();
  renderSwitch();

  await user.click(screen.getByRole("radio", { name: "Light" }));

  expect(screen.getByRole("radio", { name: "Light" })).toBeChecked();
  expect(html).toHaveClass("light");
  expect(html).not.toHaveClass("dark");
  expect(localStorage.getItem("theme")).toBe("light");
});

test("is operated with the keyboard: Tab reaches the checked option, arrows choose", async () => {
  emulateColorScheme("light");
  const user = userEvent.setup();
  renderSwitch();

  await user.tab();
  expect(screen.getByRole("radio", { name: "System" })).toHaveFocus();

  // Native radio groups wrap: right of the last option is the first.
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("radio", { name: "Light" })).toBeChecked();
  await user.keyboard("{ArrowRight}");

  expect(screen.getByRole("radio", { name: "Dark" })).toHaveFocus();
  expect(screen.getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(html).toHaveClass("dark");
  expect(localStorage.getItem("theme")).toBe("dark");
});

test("a stored choice is restored, and 'system' follows the operating system as it changes", async () => {
  const setScheme = emulateColorScheme("light");
  localStorage.setItem("theme", "dark");
  const user = userEvent.setup();
  renderSwitch();

  expect(screen.getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(html).toHaveClass("dark");

  await user.click(screen.getByRole("radio", { name: "System" }));
  expect(html).toHaveClass("light");
  setScheme("dark");
  expect(html).toHaveClass("dark");
});
