#!/usr/bin/env node
// Mozilla Readability (over linkedom) on the same pages as `newsfacts
// extract`, as a speed and quality baseline (bench only, never at runtime).
//
//   node bench/readability/run.js [--rounds N] PAGE.html[.gz]... > readability.jsonl
//
// stdout: one JSON line per page, {"source", "title", "text"} (paragraphs
// joined by blank lines), readable by the eval scorers. stderr: one JSON
// object with the time spent in DOM parsing + Readability, excluding file
// reading, gunzip and charset decoding (same split as bench/gumbo_parse);
// with --rounds N (default 3) the fastest of N rounds, as gumbo_parse does.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { parseHTML } = require('linkedom');
const { Readability } = require('@mozilla/readability');

function decode(buf) {
  // BOM, then <meta charset> in the first 1024 bytes, then UTF-8.
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder('utf-8').decode(buf);
  const head = buf.subarray(0, 1024).toString('latin1');
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i);
  let label = m ? m[1].toLowerCase() : 'utf-8';
  try { return new TextDecoder(label).decode(buf); } catch (e) { return new TextDecoder('utf-8').decode(buf); }
}

const BLOCK = /<\/?(p|div|h[1-6]|li|ul|ol|blockquote|pre|table|tr|td|th|section|article|figure|figcaption|br|hr|dd|dt)\b[^>]*>/gi;
function htmlToText(html, document) {
  const holder = document.createElement('div');
  holder.innerHTML = html.replace(BLOCK, '\n\n$&');
  return holder.textContent.split(/\n\s*\n/).map(s => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean).join('\n\n');
}

let files = process.argv.slice(2);
let rounds = 3;
if (files[0] === '--rounds') { rounds = Math.max(1, parseInt(files[1], 10) || 1); files = files.slice(2); }
const docs = files.map(f => {
  let buf = fs.readFileSync(f);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  return [f, decode(buf)];
});
let bytes = 0;
for (const [, html] of docs) bytes += Buffer.byteLength(html);
let results = [];
let failed = 0;
let seconds = Infinity;
for (let r = 0; r < rounds; r++) {
  results = [];
  failed = 0;
  const start = process.hrtime.bigint();
  for (const [f, html] of docs) {
    try {
      const { document } = parseHTML(html);
      const art = new Readability(document).parse();
      results.push([f, art, document]);
    } catch (e) {
      failed++;
      results.push([f, null, null]);
    }
  }
  seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
}
for (const [f, art, document] of results) {
  const text = art && art.content ? htmlToText(art.content, document) : '';
  process.stdout.write(JSON.stringify({ source: f, title: art ? art.title : '', text }) + '\n');
}
process.stderr.write(JSON.stringify({
  pages: docs.length, failed, mb: +(bytes / 1e6).toFixed(3), seconds: +seconds.toFixed(4),
  pages_per_s: +(docs.length / seconds).toFixed(1), mb_per_s: +(bytes / 1e6 / seconds).toFixed(2),
}) + '\n');
