/** The backend's error shape (docs/errors.md) for this site's own route handlers. */
export function problemResponse(status: number, code: string, detail: string): Response {
  return Response.json(
    { type: "about:blank", title: code, status, code, detail },
    {
      status,
      headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
    },
  );
}
