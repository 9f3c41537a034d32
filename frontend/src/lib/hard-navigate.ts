/**
 * A full page load rather than a client-side route change: after a session ends, nothing from
 * the old session (React state, cached data) should survive. Its own module so tests can
 * observe it; jsdom's window.location cannot be replaced.
 */
export function hardNavigate(url: string): void {
  window.location.assign(url);
}
