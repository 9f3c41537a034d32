/**
 * Liveness for container healthchecks and probes: answers from this process alone. Probing a
 * page instead would render it, call the backend, and mark the frontend down whenever the API is.
 */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
