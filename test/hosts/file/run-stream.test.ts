/**
 * The in-memory streaming run (the task pane's Generate) lets the page run between its stages:
 * progress can be shown, and a cancel raised from the progress callback stops it.
 */
import { describe, expect, it } from "vitest";
import { runWorkbookFileStreamed } from "../../../src/hosts/file/stream/run-stream";
import { sampleXlsx, TODAY } from "../../taskpane/support";

describe("runWorkbookFileStreamed", () => {
  it("gives the event loop a turn between reading, computing and writing", async () => {
    const events: string[] = [];
    const ticker = setInterval(() => events.push("tick"), 0);
    const outcome = await runWorkbookFileStreamed(await sampleXlsx("en-US"), {
      today: TODAY,
      onProgress: (step) => events.push(step),
    });
    clearInterval(ticker);
    expect(outcome.ok).toBe(true);
    const steps = events.filter((e) => e !== "tick");
    expect(steps).toEqual(["read", "compute", "render", "charts", "done"]);
    // A timer ran after reading and after computing, before the next stage began.
    const at = (step: string) => events.indexOf(step);
    expect(events.slice(at("read"), at("compute"))).toContain("tick");
    expect(events.slice(at("compute"), at("render"))).toContain("tick");
  });

  it("stops when the progress callback throws (a cancel), with nothing to download", async () => {
    class Cancelled extends Error {}
    const run = runWorkbookFileStreamed(await sampleXlsx("en-US"), {
      today: TODAY,
      onProgress: (step) => {
        if (step === "charts") throw new Cancelled();
      },
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
  });
});
