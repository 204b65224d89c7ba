// Prints the conformance results saved under a directory (conformance server -o DIR) as a
// Markdown table: one row per scenario with its passed/failed/warning check counts.
//   node summarize.mjs DIR "label"
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const [dir, label = dir] = process.argv.slice(2);
const rows = [];
for (const entry of readdirSync(dir).sort()) {
  const file = join(dir, entry, "checks.json");
  if (!existsSync(file)) continue;
  // Directory names are server-<scenario>-<timestamp>.
  const scenario = entry.replace(/^server-/, "").replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, "");
  const checks = JSON.parse(readFileSync(file, "utf8"));
  const count = (status) => checks.filter((c) => c.status === status).length;
  rows.push({ scenario, passed: count("SUCCESS"), failed: count("FAILURE"), warnings: count("WARNING") });
}
rows.sort((a, b) => a.scenario.localeCompare(b.scenario));
const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
console.log(`\n${label}\n`);
console.log("| Scenario | Passed | Failed | Warnings |");
console.log("|---|---|---|---|");
for (const r of rows) console.log(`| ${r.scenario} | ${r.passed} | ${r.failed} | ${r.warnings} |`);
console.log(`| **total (${rows.length} scenarios)** | **${total("passed")}** | **${total("failed")}** | **${total("warnings")}** |`);
