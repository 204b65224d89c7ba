// Renders the benchmark driver's JSON (bench/out/results.json) as the results page.
//   node bench/render.mjs RESULTS_JSON OUTPUT_MD COMMIT
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

const [input, output, commit] = process.argv.slice(2);
const r = JSON.parse(readFileSync(input, "utf8"));

const fixed = (x, digits = 2) => (x === undefined ? "n/a" : Number(x).toFixed(digits));
// A summary as "median (p10-p90)".
const spread = (s, digits = 2) => `${fixed(s.median, digits)} (${fixed(s.p10, digits)}–${fixed(s.p90, digits)})`;
const ratio = (ours, theirs) => (theirs ? `${fixed(ours / theirs, 3)}` : "n/a");
const verdict = (ok) => (ok ? "met" : "**missed**");

const lines = [];
const say = (line = "") => lines.push(line);

say("# Benchmark results");
say();
say(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${fixed(os.totalmem() / 2 ** 30, 0)} GiB, ` +
    `${os.type()} ${os.release()}. Date: ${new Date().toISOString().slice(0, 10)}. Commit: ${commit}.`);
say(`Build: Release (-O3). Upstream: the fake TikTok API (tests/fakes) on loopback. ` +
    `Figures are medians with the 10th–90th percentile spread over the runs counted.` +
    (r.quick ? " **Quick run: few samples, rough figures.**" : ""));
say("Produced by `bench/run.sh`; nothing in the test command depends on a timing.");
say();

const ours = r.ours;
const ref = r.reference;
say("## Against the reference server");
say();
say("The reference is `@modelcontextprotocol/server-everything` (the official TypeScript reference server, " +
    "on the machine's Node.js), driven by the same client over stdio. Ratio = ours / theirs (lower is better).");
say();
say("| Measure | tiktok-marketing-mcp | reference | ratio | runs |");
say("|---|---|---|---|---|");
const row = (name, a, b, unit) =>
  say(`| ${name} (${unit}) | ${spread(a, 3)} | ${b ? spread(b, 3) : "n/a"} | ${b ? ratio(a.median, b.median) : "n/a"} | ${a.runs} / ${b ? b.runs : 0} |`);
row("process start to `initialize` response", ours.startup, ref?.startup, "ms");
row("`tools/list`", ours.tools_list, ref?.tools_list, "ms");
row("simple call (ours: `tiktok_marketing_describe`, theirs: `echo`)", ours.simple_call, ref?.simple_call, "ms");
say(`| resident memory once initialized (MiB) | ${fixed(ours.idle_memory.rss_mib, 1)} | ${ref ? fixed(ref.idle_memory.rss_mib, 1) : "n/a"} | ${ref ? ratio(ours.idle_memory.rss_mib, ref.idle_memory.rss_mib) : "n/a"} | 1 |`);
say();

const ex = r.execute;
say("## Tool calls (stdio, direct mode against the fake upstream)");
say();
say("*added* = the call's round trip minus the same upstream request replayed by the driver right after it: " +
    "what the server adds on top of TikTok's own time (parsing, validation, the request, shaping, framing).");
say();
say("| Call | round trip (ms) | upstream alone (ms) | added (ms) | records | response bytes |");
say("|---|---|---|---|---|---|");
const callRow = (name, o) =>
  say(`| ${name} | ${spread(o.call, 3)} | ${spread(o.upstream, 3)} | ${spread(o.added, 3)} | ${o.records} | ${o.response_bytes} |`);
callRow("`tiktok_marketing_execute` campaigns list, 100 campaigns", ex.campaigns);
callRow("`tiktok_marketing_execute` daily report page, 1,000 rows", ex.report_page);
say();

say("## Streamable HTTP throughput");
say();
say("Closed loop: each session sends `tiktok_marketing_execute` (100 campaigns) and waits for the answer, then sends the next.");
say();
say("| Sessions | calls/s | failures |");
say("|---|---|---|");
for (const run of r.http.runs) say(`| ${run.sessions} | ${spread(run.calls_per_second, 0)} | ${run.failures} |`);
say();

say("## Memory");
say();
say("| When | resident (MiB) | peak resident (MiB) |");
say("|---|---|---|");
say(`| idle, after initialize and tools/list (stdio) | ${fixed(ours.idle_memory.rss_mib, 1)} | ${fixed(ours.idle_memory.peak_mib, 1)} |`);
say(`| after the execute benchmarks (stdio, 1,000-row pages) | ${fixed(ex.memory_after.rss_mib, 1)} | ${fixed(ex.memory_after.peak_mib, 1)} |`);
say(`| after the HTTP load (64 sessions) | ${fixed(r.http.memory_after.rss_mib, 1)} | ${fixed(r.http.memory_after.peak_mib, 1)} |`);
say();

if (r.instructions) {
  const ins = r.instructions;
  say("## CPU instructions (valgrind callgrind)");
  say();
  say("Instructions the server executes per call, from two runs that differ only in the number of calls; " +
      "independent of machine noise.");
  say();
  say("| What | instructions |");
  say("|---|---|");
  say(`| one \`tiktok_marketing_execute\` of 100 campaigns | ${Math.round(ins.campaigns).toLocaleString("en")} |`);
  say(`| one \`tiktok_marketing_execute\` of a 1,000-row report page | ${Math.round(ins.report_page).toLocaleString("en")} |`);
  say(`| a whole session: start, initialize, one call, exit | ${Math.round(ins.session_without_calls).toLocaleString("en")} |`);
  say();
}

say("## Targets");
say();
say("| Target | measured | |");
say("|---|---|---|");
say(`| start to \`initialize\` under 5 ms | ${fixed(ours.startup.median, 3)} ms | ${verdict(ours.startup.median < 5)} |`);
say(`| execute overhead under 0.3 ms | ${fixed(ex.campaigns.added.median, 3)} ms | ${verdict(ex.campaigns.added.median < 0.3)} |`);
say(`| a 1,000-row report page under 5 ms | ${fixed(ex.report_page.added.median, 3)} ms added | ${verdict(ex.report_page.added.median < 5)} |`);
if (ref) {
  const speedup = ref.startup.median / ours.startup.median;
  say(`| start-up at least 20× faster than the reference | ${fixed(speedup, 1)}× | ${verdict(speedup >= 20)} |`);
}
say(`| under 15 MB resident idle | ${fixed(ours.idle_memory.rss_mib * 1.048576, 1)} MB | ${verdict(ours.idle_memory.rss_mib * 1.048576 < 15)} |`);
say();

// Hand-written history (profiles, before and after) lives beside the generated tables.
const notes = new URL("./NOTES.md", import.meta.url);
if (existsSync(notes)) say(readFileSync(notes, "utf8").trimEnd());

writeFileSync(output, lines.join("\n") + "\n");
