#!/usr/bin/env python3
"""Where the CPU went in a Java Flight Recorder file (docs/performance.md, "The cost of a write").

usage: jfr-top.py RECORDING.jfr [TOP]

Reads the execution samples (`jfr print --json --events jdk.ExecutionSample`) of the HTTP worker
threads and prints (1) the share of samples whose stack contains each of a few known costs
(inclusive), (2) the hottest methods by self time, (3) the hottest application methods
(cn.warmth.*) inclusive.
"""
import collections
import json
import subprocess
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]

# Inclusive markers: a sample counts for a marker when any frame's "class.method" contains it.
MARKERS = collections.OrderedDict([
    ("BCrypt (password check)", "BCrypt."),
    ("Camunda engine (any command)", "org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl.execute"),
    ("Camunda history events", "org.camunda.bpm.engine.impl.history"),
    ("Camunda task queries", "TaskQueryImpl"),
    ("Camunda DbSqlSession flush", "DbEntityManager.flush"),
    ("Hibernate flush", "org.hibernate.event.internal.AbstractFlushingEventListener"),
    ("Hibernate query", "org.hibernate.query"),
    ("JDBC (PostgreSQL driver)", "org.postgresql."),
    ("Jackson (JSON)", "com.fasterxml.jackson"),
    ("Thymeleaf", "org.thymeleaf"),
    ("Audit", "cn.warmth.audit"),
    ("Spring Security filters", "org.springframework.security.web.FilterChainProxy"),
    ("SHA-256 (tokens)", "sun.security.provider.SHA2"),
    ("Logging", "ch.qos.logback"),
])


def frames(e):
    st = e["values"].get("stackTrace") or {}
    for f in st.get("frames", []):
        m = f.get("method") or {}
        t = (m.get("type") or {}).get("name", "?").replace("/", ".")
        yield f"{t}.{m.get('name', '?')}"


def thread(e):
    t = e["values"].get("sampledThread") or {}
    return t.get("javaName") or t.get("osName") or "?"


web = [e for e in events if thread(e).startswith("http-nio")]
print(f"{len(events)} samples, {len(web)} on HTTP worker threads")
inclusive = collections.Counter()
self_time = collections.Counter()
app = collections.Counter()
for e in web:
    fs = list(frames(e))
    if fs:
        self_time[fs[0]] += 1
    joined = "\n".join(fs)
    for label, marker in MARKERS.items():
        if marker in joined:
            inclusive[label] += 1
    for f in set(fs):
        if f.startswith("cn.warmth.") and "$$Lambda" not in f:
            app[f] += 1
n = max(1, len(web))
print("\nknown costs (inclusive share of HTTP worker samples):")
for label in MARKERS:
    print(f"  {100 * inclusive[label] / n:5.1f}%  {label}")
print(f"\nhottest methods (self, top {top}):")
for f, c in self_time.most_common(top):
    print(f"  {100 * c / n:5.1f}%  {f}")
print(f"\nhottest application methods (inclusive, top {top}):")
for f, c in app.most_common(top):
    print(f"  {100 * c / n:5.1f}%  {f}")
