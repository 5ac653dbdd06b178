import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "../../app/entry.server";

/** What Remix hands to handleError for a refused request (its ErrorResponse's shape). */
const errorResponse = (status: number) => ({
  status,
  statusText: "Refused",
  internal: true,
  data: `refused ${status}`,
  error: new Error(`refused ${status}`),
});
const args = (url = "http://localhost/x") => ({ request: new Request(url), params: {}, context: {} });

describe("handleError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("does not log a 4xx (an unknown URL, a POST without an action, a refused body) as an error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const status of [400, 404, 405, 413, 415]) handleError(errorResponse(status), args());
    expect(error).not.toHaveBeenCalled();
  });

  it("logs a real server error once, with its stack", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const fault = new Error("disk full");
    handleError(fault, args());
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(fault);
  });

  it("notes a legacy ?_data request in one line, without a stack trace", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    handleError(
      new Error(
        "Warning: Single fetch-enabled apps should not be making ?_data requests, this is likely to break in the future",
      ),
      args("http://localhost/call?_data=routes/call"),
    );
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith("A legacy ?_data request: /call");
  });
});
