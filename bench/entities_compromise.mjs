// Comparison baseline for the entity stage: the npm package `compromise`
// (people, places, organizations) over the same JSON lines {"id", "text"}
// that bench/entities_tag reads. Prints one line per text in the
// `newsfacts tag --jsonl` shape (so bench/entities_devset.py can score it
// with --from) and, on stderr, {"tag_seconds", "bytes", "mb_per_s"}: the
// best of --rounds passes of tagging alone (wall and process CPU time). Never used at runtime.
//
//   node bench/entities_compromise.mjs --rounds 3 < texts.jsonl > out.jsonl
import nlp from 'compromise';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const ri = args.indexOf('--rounds');
const rounds = ri >= 0 ? Number(args[ri + 1]) : 3;
const lines = readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
const docs = lines.map((l) => JSON.parse(l));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);

const kinds = [['people', 'PERSON'], ['places', 'LOC'], ['organizations', 'ORG']];
function tag(text) {
  const doc = nlp(text);
  const out = [];
  for (const [method, type] of kinds) {
    for (const m of doc[method]().json({ offset: true })) {
      // compromise offsets count UTF-16 units; convert to code points.
      const s = m.offset.start, e = s + m.offset.length;
      const start = [...text.slice(0, s)].length;
      const span = text.slice(s, e).replace(/[\s.,;:!?"“”’']+$/u, '');
      out.push({ type, text: span, start, end: start + [...span].length });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

let best = Infinity;
let bestCpu = Infinity;
let results = [];
for (let r = 0; r < rounds; ++r) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  results = docs.map((d) => tag(d.text));
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  best = Math.min(best, s);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
}
docs.forEach((d, i) => {
  process.stdout.write(JSON.stringify({ id: d.id, entities: results[i] }) + '\n');
});
process.stderr.write(JSON.stringify({
  tag_seconds: best, bytes, mb_per_s: bytes / 1e6 / best,
  cpu_seconds: bestCpu, cpu_mb_per_s: bytes / 1e6 / bestCpu,
}) + '\n');
