/**
 * @jest-environment node
 */
import { GET } from "@/app/healthz/route";

test("/healthz answers ok without touching the backend and is never cached", async () => {
  const fetchSpy = jest.spyOn(globalThis, "fetch");

  const response = GET();

  expect(response.status).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok" });
  expect(fetchSpy).not.toHaveBeenCalled();
});
