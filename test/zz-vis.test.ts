import { it } from "vitest";
import { writePlanToXlsx } from "../src/hosts/file/render-xlsx";
import { templatePlan } from "../src/workbook/template";
import { sampleData } from "../src/workbook/sample";
import { convertWithLibreOffice } from "./support/libreoffice";
it("vis", async () => {
  await writePlanToXlsx(templatePlan("zh-CN", sampleData("zh-CN")), "/tmp/ps/vis/zh.xlsx");
  await writePlanToXlsx(templatePlan("en-US", sampleData("en-US")), "/tmp/ps/vis/en.xlsx");
  await convertWithLibreOffice("/tmp/ps/vis/zh.xlsx", "pdf", "/tmp/ps/vis/out");
  await convertWithLibreOffice("/tmp/ps/vis/en.xlsx", "pdf", "/tmp/ps/vis/out");
}, 120000);
