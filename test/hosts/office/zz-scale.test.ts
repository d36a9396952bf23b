import { it } from "vitest";
import { FakeExcel, installOfficeRequirements } from "../../support/fake-excel";
import { renderPlanInExcel } from "../../../src/hosts/office/render";
import { scorecardPlan } from "./plans";
it("scale", async () => {
  for (const n of [100, 10000]) {
    const fake = new FakeExcel();
    installOfficeRequirements(fake);
    const t = Date.now();
    const plan = scorecardPlan(n);
    const r = await renderPlanInExcel(fake.context as unknown as Excel.RequestContext, plan, { formulas: "perf" });
    console.log(n, r, fake.requests, Date.now() - t, "ms");
  }
}, 120000);
