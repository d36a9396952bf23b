import { it } from "vitest";
import ExcelJS from "exceljs";
import { recalcXlsx } from "/work/main/test/support/libreoffice";
it("probe", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  const vals = [5, 90, 80, 70, 60, 0];
  vals.forEach((v, i) => (ws.getCell(i + 1, 1).value = v));
  ["x","S","A","B","C","D"].forEach((v, i) => (ws.getCell(i + 1, 2).value = v));
  ws.getCell("C1").value = "上级";
  const fs = [
    "IF(A1>0,#VALUE!,1)",
    "IF(A1>0,#N/A,1)",
    "SUMPRODUCT(MAX((A2:A6<=75)*A2:A6-(A2:A6>75)*1E+300))",
    'ISNUMBER(MATCH(SUBSTITUTE(C1," ",""),{"manager","上级"},0))',
    "ROUND(1.005,2)", "ROUND(2.675,2)", "ROUND(-0.125,2)", "ROUND(0.285,2)","ROUND(1.0049999999999999,2)",
    "RANK(80,A2:A6,0)",
    'SUMPRODUCT(ISNUMBER(MATCH(SUBSTITUTE(B2:B6," ",""),{"s","a"},0))*A2:A6)',
    "0.1+0.2-0.3", "1-1", "0*5", "ROUND(0.1*3,20)-0.3",
    '"x"+0', "VALUE(\"\")", "ISBLANK(D1)", 'D1=""',
  ];
  fs.forEach((f, i) => (ws.getCell(i + 1, 5).value = { formula: f, result: -999 }));
  await wb.xlsx.writeFile("/tmp/nat/probe.xlsx");
  const out = await recalcXlsx("/tmp/nat/probe.xlsx");
  const s = out.getWorksheet("S")!;
  fs.forEach((f, i) => console.log(f, "=>", JSON.stringify((s.getCell(i + 1, 5).value as any))));
});
