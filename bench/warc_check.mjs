// Reads a WARC file with warcio.js (the reference reader by Webrecorder) and
// prints one JSON line per record, so tests can check that what newsfacts
// writes is valid for standard WARC readers. Used by tests/ingest/warc_test.cc
// when bench/node_modules/warcio is installed (npm install --prefix bench).
//
//   node bench/warc_check.mjs FILE.warc.gz
import { WARCParser } from "warcio";
import { createHash } from "node:crypto";
import fs from "node:fs";

function base32(bytes) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let out = "", buffer = 0, bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  while (out.length % 8) out += "=";
  return out;
}

const parser = new WARCParser(fs.createReadStream(process.argv[2]));
for await (const record of parser) {
  const raw = await record.readFully(false);
  const digest = "sha1:" + base32(createHash("sha1").update(raw).digest());
  console.log(JSON.stringify({
    type: record.warcType,
    id: record.warcHeader("WARC-Record-ID"),
    uri: record.warcTargetURI || "",
    concurrent_to: record.warcHeader("WARC-Concurrent-To") || "",
    date: record.warcDate,
    status: record.httpHeaders ? Number(record.httpHeaders.statusCode) : 0,
    content_type: record.httpHeaders
      ? record.httpHeaders.headers.get("Content-Type") || "" : "",
    payload_length: raw.length,
    payload_digest: record.warcHeader("WARC-Payload-Digest") || "",
    computed_digest: digest,
  }));
}
