// Baseline for bench/dates_throughput.sh: chrono-node (npm, devDependency
// in bench/package.json) over the same JSON lines {"id","text","date"} that
// bench/dates_tag reads; prints {"tag_seconds", "bytes", "mentions"} for
// the parsing alone, as dates_tag does on stderr.
//
//   node bench/dates_chrono.mjs < texts.jsonl
import * as chrono from "chrono-node";
import { readFileSync } from "node:fs";

const lines = readFileSync(0, "utf8").split("\n").filter((l) => l.trim());
const docs = lines.map((l) => JSON.parse(l));
let seconds = 0;
let bytes = 0;
let mentions = 0;
for (const d of docs) {
  const ref = d.date ? new Date(d.date + "T12:00:00Z") : new Date();
  const start = process.hrtime.bigint();
  const found = chrono.parse(d.text, ref);
  seconds += Number(process.hrtime.bigint() - start) / 1e9;
  bytes += Buffer.byteLength(d.text, "utf8");
  mentions += found.length;
}
console.log(JSON.stringify({ tag_seconds: seconds, bytes, mentions }));
