#!/usr/bin/env python3
"""Writes news.warc.gz, the WARC fixture of the `ingest` end-to-end test.

Run from this folder: python3 make_fixture.py. Standard library only. The
records are written by hand (not by the code under test), one gzip member
each, as WARC/1.1 (ISO 28500:2017) prescribes for .warc.gz:

  1. warcinfo
  2. request + response: an RFE/RL article, plain body           -> stored
  3. response: the same article under another id, sent with
     Transfer-Encoding: chunked and Content-Encoding: gzip         -> stored
  4. response: a JPEG                                              -> skipped
  5. response: a 404 HTML page                                     -> skipped
  6. metadata record                                               -> skipped
  7. response: HTML whose gzip body is damaged                     -> failed
"""
import base64
import gzip
import hashlib
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE = os.path.join(HERE, "..", "rferl", "china-in-eurasia.html")


def sha1(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def record(rtype, uri, date, content_type, block, extra=()):
    rid = "<urn:uuid:%s>" % uuid.UUID(int=record.counter)
    record.counter += 1
    head = [
        "WARC/1.1",
        "WARC-Type: " + rtype,
        "WARC-Record-ID: " + rid,
        "WARC-Date: " + date,
    ]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head.extend(extra)
    head.append("WARC-Block-Digest: " + sha1(block))
    head.append("Content-Type: " + content_type)
    head.append("Content-Length: %d" % len(block))
    raw = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    # mtime=0 keeps the file byte-for-byte reproducible.
    return gzip.compress(raw, mtime=0), rid


record.counter = 1


def http_response(status_line, headers, body):
    head = status_line + "\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n"
    return head.encode() + body


def chunked(data, size=4000):
    out = b""
    for i in range(0, len(data), size):
        part = data[i : i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    page = open(PAGE, "rb").read()
    second = page.replace(b"31812345", b"31899999")
    assert second != page
    http = "application/http;msgtype=response"
    members = []

    info = b"software: make_fixture.py\r\nformat: WARC File Format 1.1\r\n"
    members.append(record("warcinfo", None, "2026-11-28T10:00:00Z",
                          "application/warc-fields", info)[0])

    url1 = "https://www.rferl.org/a/china-in-eurasia/31812345.html"
    req = (b"GET /a/china-in-eurasia/31812345.html HTTP/1.1\r\n"
           b"Host: www.rferl.org\r\nUser-Agent: fixture\r\n\r\n")
    body1 = http_response("HTTP/1.1 200 OK",
                          ["Content-Type: text/html; charset=utf-8",
                           "Content-Length: %d" % len(page),
                           'ETag: "abc123"'], page)
    resp, rid = record("response", url1, "2026-11-28T10:00:01Z", http, body1,
                       ["WARC-Payload-Digest: " + sha1(page),
                        "WARC-IP-Address: 192.0.2.10"])
    members.append(record("request", url1, "2026-11-28T10:00:01Z",
                          "application/http;msgtype=request", req,
                          ["WARC-Concurrent-To: " + rid])[0])
    members.append(resp)

    url2 = "https://www.rferl.org/a/china-in-eurasia/31899999.html"
    body2 = http_response("HTTP/1.1 200 OK",
                          ["Content-Type: text/html; charset=utf-8",
                           "Content-Encoding: gzip",
                           "Transfer-Encoding: chunked"],
                          chunked(gzip.compress(second, mtime=0)))
    members.append(record("response", url2, "2026-11-28T10:00:02.5Z", http,
                          body2)[0])

    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 64
    members.append(record("response", "https://gdb.rferl.org/a.jpg",
                          "2026-11-28T10:00:03Z", http,
                          http_response("HTTP/1.1 200 OK",
                                        ["Content-Type: image/jpeg"], jpeg))[0])

    missing = b"<html><body><h1>Not found</h1></body></html>"
    members.append(record("response", "https://www.rferl.org/a/missing.html",
                          "2026-11-28T10:00:04Z", http,
                          http_response("HTTP/1.1 404 Not Found",
                                        ["Content-Type: text/html"],
                                        missing))[0])

    members.append(record("metadata", url1, "2026-11-28T10:00:05Z",
                          "application/warc-fields",
                          b"fetchTimeMs: 120\r\n")[0])

    broken = bytearray(gzip.compress(page, mtime=0))
    broken[len(broken) // 2 : len(broken) // 2 + 64] = b"\x00" * 64
    members.append(record("response", "https://www.rferl.org/a/broken/1.html",
                          "2026-11-28T10:00:06Z", http,
                          http_response("HTTP/1.1 200 OK",
                                        ["Content-Type: text/html",
                                         "Content-Encoding: gzip"],
                                        bytes(broken)))[0])

    with open(os.path.join(HERE, "news.warc.gz"), "wb") as f:
        for m in members:
            f.write(m)


if __name__ == "__main__":
    main()
