#!/usr/bin/env python3
"""One summary line per simulation (and per group of a mixed one) from a Gatling report's js/stats.js.

usage: summary.py NAME REPORT_DIR SECONDS LOADAVG
"""
import json
import os
import re
import sys

name, report, seconds, load = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
with open(os.path.join(report, "js", "stats.js"), encoding="utf-8") as f:
    text = f.read()
# Gatling 3.13 writes the figures as a JavaScript object (some keys unquoted), then functions.
body = text[text.index("{"):text.index("\nfunction")].rstrip().rstrip(";")
body = re.sub(r'(^|\n)(\s*)([A-Za-z]\w*):', r'\1\2"\3":', body)
root = json.loads(body)


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return 0.0


def line(label, stats, extra=""):
    n = int(num(stats["numberOfRequests"]["total"]))
    ko = int(num(stats["numberOfRequests"]["ko"]))
    rps = num(stats["meanNumberOfRequestsPerSecond"]["total"])
    p50 = int(num(stats["percentiles1"]["total"]))
    p95 = int(num(stats["percentiles3"]["total"]))
    p99 = int(num(stats["percentiles4"]["total"]))
    return (f"{label:<40} {n:>7} req  {rps:7.1f} req/s  p50 {p50:>5} ms  p95 {p95:>5} ms  p99 {p99:>5} ms  "
            f"errors {ko}{extra}  [load {load}]")


def walk(node, prefix=""):
    """Yields (path, stats, kind) for groups and requests below a node."""
    for child in node.get("contents", {}).values():
        label = (prefix + " / " if prefix else "") + child["name"]
        yield label, child["stats"], child["type"]
        yield from walk(child, label)


extra = ""
closes = [s for l, s, k in walk(root) if k == "REQUEST" and l.endswith("POST /api/v1/cases/{n}/close")]
if closes:
    ok = int(sum(num(s["numberOfRequests"]["ok"]) for s in closes))
    extra = f"  cases closed {ok} = {ok / seconds:.1f} cases/s"
print(line(name, root["stats"], extra))
groups = [(l, s) for l, s, k in walk(root) if k == "GROUP"]
for label, stats in groups:
    print(line("  " + label, stats))
if name in ("Alone", "Warmup") or os.environ.get("LOAD_DETAIL") == "1":
    for label, stats, kind in walk(root):
        if kind == "REQUEST":
            print(line("    " + label, stats))
