#!/usr/bin/env python3
"""Warmth two-node drill driver (issue 14). Python 3 standard library only; loopback only.

  driver.py setup  WORK   -- units, users, a campaign, workers (as the root ADMIN, through nginx)
  driver.py run    WORK   -- signed-in page users and API clients for DRILL_SECONDS; writes
                             WORK/victim (the node most page users are on) for the kill
  driver.py check  WORK   -- after the kill and the restart: the checks, one line each, into
                             WORK/results.txt ("PASS name: detail" / "FAIL name: detail")
  driver.py snapshot WORK DB NAME -- checksums of cases, payments, reports, evidence, workers
  driver.py restored WORK -- the restored database's node finds every case, payment and report

Settings come from WORK/drill.json, written by two-nodes.sh.
"""
import base64
import datetime
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

WORK = sys.argv[2] if len(sys.argv) > 2 else "."
CONF = json.load(open(os.path.join(WORK, "drill.json")))
BASE = CONF["base"]  # nginx, e.g. http://127.0.0.1:8180
PW = "drill-pass-2024x"
STATE = os.path.join(WORK, "state.json")
RESULTS = os.path.join(WORK, "results.txt")
LOCK = threading.Lock()


def beijing_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Client:
    """One HTTP client: Basic auth (API) or a cookie jar (a browser)."""

    def __init__(self, user=None, password=None, jar=None):
        self.auth = None
        if user:
            self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.jar = jar
        handlers = [NoRedirect()]
        if jar is not None:
            handlers.append(urllib.request.HTTPCookieProcessor(jar))
        self.opener = urllib.request.build_opener(*handlers)

    def call(self, method, path, body=None, ctype=None, headers=None):
        data = None
        h = dict(headers or {})
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        elif isinstance(body, str):
            data = body.encode()
            h["Content-Type"] = ctype or "application/x-www-form-urlencoded"
        elif isinstance(body, bytes):
            data = body
            h["Content-Type"] = ctype
        if self.auth:
            h["Authorization"] = self.auth
        req = urllib.request.Request(BASE + path, data=data, method=method, headers=h)
        start = time.time()
        try:
            with self.opener.open(req, timeout=60) as r:
                status, text, hdrs = r.status, r.read().decode("utf-8", "replace"), r.headers
        except urllib.error.HTTPError as e:
            status, text, hdrs = e.code, e.read().decode("utf-8", "replace"), e.headers
        except Exception as e:  # connection reset while a node dies: counted as a 5xx-like failure
            status, text, hdrs = 599, repr(e), {}
        record(method, path, status, start, hdrs.get("X-Upstream", "") if hdrs else "")
        return status, text, hdrs

    def json(self, method, path, body=None):
        status, text, _ = self.call(method, path, body)
        try:
            return status, json.loads(text) if text else None
        except ValueError:
            return status, None


CALLS = []


def record(method, path, status, at, upstream):
    with LOCK:
        CALLS.append((at, method, re.sub(r"\d{4,}", "N", path.split("?")[0]), status, upstream))


def dump_calls():
    with open(os.path.join(WORK, "calls.jsonl"), "a") as f:
        with LOCK:
            for c in CALLS:
                f.write(json.dumps(c) + "\n")
            CALLS.clear()


W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(n):
    birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=n // 1000)
    first = "610102" + birth.strftime("%Y%m%d") + "%03d" % (n % 1000)
    return first + "10X98765432"[sum(int(c) * w for c, w in zip(first, W)) % 11]


def card(n):
    body = "621700" + "%012d" % n
    total, dbl = 0, True
    for ch in reversed(body):
        d = int(ch)
        if dbl:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
        dbl = not dbl
    return body + str((10 - total % 10) % 10)


NAMES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"


def png(seed):
    """A small PNG, different for every seed: evidence for the backup and restore checks."""
    import struct
    import zlib
    w = h = 16
    rows = b"".join(b"\x00" + b"".join(bytes(((x * seed) % 256, (y * 7) % 256, seed % 256)) for x in range(w)) for y in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def multipart(fields, name, filename, content, ctype):
    boundary = "----drill%d" % random.randint(0, 10 ** 9)
    out = b""
    for k, v in fields.items():
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
    out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
            f"Content-Type: {ctype}\r\n\r\n").encode() + content + b"\r\n" + f"--{boundary}--\r\n".encode()
    return out, "multipart/form-data; boundary=" + boundary


def worker_name(i):
    return "演练" + NAMES[i // 20 % 20] + NAMES[i % 20]


# --------------------------------------------------------------------------------------- setup

def setup():
    admin = Client("admin", CONF["adminPassword"])
    p = "D" + "%04d" % random.randint(0, 9999)
    city, schools = p + "-C", [p + "-C-A", p + "-C-B"]
    today = beijing_today()

    def ok(res, what, want=(200, 201)):
        if res[0] not in want:
            raise SystemExit(f"setup: {what} answered {res[0]}: {res[1]}")
        return res[1]

    ok(admin.json("POST", "/api/v1/orgs", {"code": city, "name": "演练市" + p, "type": "CITY", "parentCode": CONF["rootOrg"]}), "city")
    users = {}
    for i, s in enumerate(schools):
        ok(admin.json("POST", "/api/v1/orgs", {"code": s, "name": "演练学校" + s, "type": "GRASSROOTS", "parentCode": city}), s)
        for role in ("OFFICER", "FINANCE", "MANAGER"):
            for k in (1, 2):
                name = f"{p.lower()}.{i}.{role.lower()}{k}"
                ok(admin.json("POST", "/api/v1/users", {"username": name, "password": PW, "displayName": "演练" + role,
                                                        "orgCode": s, "roles": [role]}), name)
                users[f"{i}.{role}{k}"] = name
    campaign = p + "-DR"
    # Reports are due tomorrow: the reminders (3 working days before) are due at once.
    ok(admin.json("POST", "/api/v1/campaigns", {"code": campaign, "name": "演练活动" + p,
                                                 "startDate": str(today - datetime.timedelta(days=10)),
                                                 "endDate": str(today), "reportDeadline": str(today + datetime.timedelta(days=1))}), "campaign")
    workers = {}
    seed = random.randint(100, 900) * 10000
    for i, s in enumerate(schools):
        officer = Client(users[f"{i}.OFFICER1"], PW)
        ids = []
        for k in range(CONF.get("workersPerSchool", 10)):
            n = seed + i * 1000 + k
            body = {"name": worker_name(i * 100 + k), "idNumber": id_number(n), "orgCode": s,
                    "employmentType": "NEW_FORM" if k % 3 == 0 else "ESTABLISHED", "disabled": k % 4 == 0,
                    "bankName": "中国工商银行", "bankCardNumber": card(n)}
            if k % 4 == 0:
                body["disabilityCertNo"] = id_number(n) + "11"  # 残疾人证号: the ID number, category, level
            st, body = officer.json("POST", "/api/v1/workers", body)
            ok((st, body), "worker")
            ids.append(body["id"])
        workers[s] = ids
    json.dump({"prefix": p, "city": city, "schools": schools, "users": users, "campaign": campaign,
               "workers": workers}, open(STATE, "w"), indent=1)
    dump_calls()
    print(f"setup: units {city} {schools}, campaign {campaign}, {sum(len(v) for v in workers.values())} workers")


# ----------------------------------------------------------------------------------------- run

class Page:
    """A signed-in browser: form login with CSRF, session cookie, language cookie."""

    def __init__(self, user, lang):
        self.user, self.lang = user, lang
        self.jar = http.cookiejar.CookieJar()
        self.c = Client(jar=self.jar)
        self.token_before_kill = None
        self.upstream = None
        self.signed_out = 0
        self.checks = 0

    def token(self, html):
        m = re.search(r'name="_csrf"\s+(?:content|value)="([^"]+)"', html)
        return m.group(1) if m else None

    def sign_in(self):
        st, html, _ = self.c.call("GET", "/login")
        tok = self.token(html)
        form = urllib.parse.urlencode({"username": self.user, "password": PW, "_csrf": tok})
        st, _, h = self.c.call("POST", "/login", form)
        if st != 302 or "error" in (h.get("Location") or ""):
            raise SystemExit(f"page sign-in failed for {self.user}: {st}")
        if self.lang == "en":
            self.c.call("GET", "/?lang=en")

    def visit(self):
        st, html, h = self.c.call("GET", random.choice(["/", "/cases"]))
        self.checks += 1
        if st == 200:
            self.upstream = h.get("X-Upstream") or self.upstream
            t = self.token(html)
            if t:
                self.last_token = t
            return True, html
        if st in (302, 401):
            self.signed_out += 1
        return False, html


def run():
    st = json.load(open(STATE))
    duration = CONF["seconds"]
    stop_at = time.time() + duration
    pages = []
    for i in range(2):
        for role, k, lang in (("OFFICER", 2, "en"), ("MANAGER", 2, "zh"), ("FINANCE", 2, "en")):
            pg = Page(st["users"][f"{i}.{role}{k}"], lang)
            pg.sign_in()
            pages.append(pg)
    for pg in pages:
        pg.visit()
    # The node most page users are on is the one to kill: their sessions must move.
    ups = [pg.upstream for pg in pages if pg.upstream]
    victim = max(set(ups), key=ups.count) if ups else ""
    with open(os.path.join(WORK, "victim"), "w") as f:
        f.write(victim.split(":")[-1] + "\n")
    with open(os.path.join(WORK, "load-started"), "w") as f:
        f.write(str(time.time()) + "\n")
    print(f"run: {len(pages)} page users signed in; victim node port {victim}; load for {duration} s")
    stats = {"cases": 0, "batches": 0, "closed": 0, "voided": 0, "reports": 0}
    killed = os.path.join(WORK, "kill-start")

    def officer_loop(i):
        school = st["schools"][i]
        officer = Client(st["users"][f"{i}.OFFICER1"], PW)
        finance = Client(st["users"][f"{i}.FINANCE1"], PW)
        today = str(beijing_today())
        # Planned for tomorrow: the 明日走访提醒 (00:00 Beijing the day before) is due at once; a visit
        # planned for today gets none (its task is already due). The visit itself is recorded today.
        tomorrow = str(beijing_today() + datetime.timedelta(days=1))
        slots = [(w, c) for c in range(1, 12) for w in st["workers"][school]]
        random.shuffle(slots)
        late = []  # (due, case number, method): visits recorded later, so that their reminder fires first

        def record_visit(number, method):
            officer.json("POST", f"/api/v1/cases/{number}/visit", {"outcome": "COMPLETED", "visitedOn": today,
                                                                   "visitors": "工会主席", "notes": "已慰问",
                                                                   "receiptSigned": method == "CASH"})
            if method == "CASH":
                s, _ = officer.json("POST", f"/api/v1/cases/{number}/close")
                if s == 200:
                    with LOCK:
                        stats["closed"] += 1

        for n, (w, c) in enumerate(slots):
            if time.time() > stop_at:
                break
            while late and late[0][0] < time.time():
                _, number, method = late.pop(0)
                record_visit(number, method)
            method = "CASH" if n % 4 == 3 else "BANK_CARD"
            s, case = officer.json("POST", "/api/v1/cases", {
                "campaignCode": st["campaign"], "workerId": w, "category": f"C{c}", "fundSource": "B3",
                "paymentMethod": method, "amountYuan": "%d.%02d" % (100 + n % 50, n % 100), "assistance": ["E2"],
                "reason": "春节慰问", "visit": {"plannedDate": tomorrow, "location": "职工家中", "visitors": "工会主席"}})
            if s != 201:
                continue
            number = case["caseNumber"]
            with LOCK:
                stats["cases"] += 1
            if n % 5 == 0:
                body, ctype = multipart({"kind": "OTHER"}, "file", "photo.png", png(n + 3 + i * 101), "image/png")
                officer.call("POST", f"/api/v1/cases/{number}/attachments", body, ctype)
            # Approved: the visit is due tomorrow, so its reminder (00:00 Beijing today) is due at once.
            finance.json("POST", f"/api/v1/cases/{number}/approval", {"decision": "APPROVE", "comment": "同意"})
            if n % 3 == 0:
                late.append((time.time() + 15, number, method))
            else:
                time.sleep(0.2)
                record_visit(number, method)
            time.sleep(0.3)
        for _, number, method in late:
            if time.time() < stop_at + 20:
                record_visit(number, method)

    def finance_loop(i, k):
        school = st["schools"][i]
        finance = Client(st["users"][f"{i}.FINANCE{k}"], PW)
        officer = Client(st["users"][f"{i}.OFFICER{k}"], PW)
        while time.time() < stop_at:
            time.sleep(random.uniform(2, 4))
            s, batch = finance.json("POST", "/api/v1/payment-batches", {"orgCode": school})
            if s != 201:
                continue
            with LOCK:
                stats["batches"] += 1
            bid = batch["id"]
            s, text, _ = finance.call("GET", f"/api/v1/payment-batches/{bid}/bank-file")
            if s != 200:
                continue
            refs = [item["caseNumber"] for item in batch["items"]]
            result = "reference,status,message\n" + "".join(f"{r},SUCCESS,ok\n" for r in refs)
            # The bank's answer, imported twice (a finance officer clicking again): paid once.
            for _ in range(2):
                finance.call("POST", f"/api/v1/payment-batches/{bid}/bank-result", result, "text/csv")
            for r in refs:
                s, _ = officer.json("POST", f"/api/v1/cases/{r}/close")
                if s == 200:
                    with LOCK:
                        stats["closed"] += 1

    def manager_loop(i):
        manager = Client(st["users"][f"{i}.MANAGER1"], PW)
        school = st["schools"][i]
        reported = False
        while time.time() < stop_at:
            time.sleep(random.uniform(4, 6))
            s, page = manager.json("GET", f"/api/v1/cases?campaign={st['campaign']}&status=CLOSED&org={school}&size=50")
            items = page.get("items", page) if isinstance(page, dict) else (page or [])
            if s == 200 and items and random.random() < 0.5:
                victim_case = random.choice(items)["caseNumber"]
                s, _ = manager.json("POST", f"/api/v1/cases/{victim_case}/void", {"reason": "演练作废"})
                if s == 200:
                    with LOCK:
                        stats["voided"] += 1
            if not reported and time.time() > stop_at - duration / 2 and i == 0:
                s, _ = manager.json("POST", "/api/v1/reports", {"campaignCode": st["campaign"], "orgCode": school,
                                                                 "narrative": "演练报送", "preparedBy": "演练",
                                                                 "phone": "13800138000"})
                reported = s == 201
                if reported:
                    with LOCK:
                        stats["reports"] += 1
            manager.json("GET", f"/api/v1/statistics?campaign={st['campaign']}&org={school}")

    page_log = {pg.user: {"before": 0, "after": 0, "lost": 0} for pg in pages}

    def page_loop(pg):
        while time.time() < stop_at:
            time.sleep(random.uniform(0.8, 1.6))
            after = os.path.exists(killed)
            if not after:
                pg.token_before_kill = getattr(pg, "last_token", None)
                pg.upstream_before_kill = pg.upstream
            good, _ = pg.visit()
            with LOCK:
                entry = page_log[pg.user]
                entry["after" if after else "before"] += 1 if good else 0
                if not good:
                    entry["lost"] += 1

    threads = [threading.Thread(target=officer_loop, args=(i,)) for i in range(2)]
    threads += [threading.Thread(target=finance_loop, args=(i, k)) for i in range(2) for k in (1, 2)]
    threads += [threading.Thread(target=manager_loop, args=(i,)) for i in range(2)]
    threads += [threading.Thread(target=page_loop, args=(pg,)) for pg in pages]
    for t in threads:
        t.daemon = True
        t.start()
    while any(t.is_alive() for t in threads):
        time.sleep(1)
        dump_calls()
        if time.time() > stop_at + 90:
            print("run: some clients still busy 90 s after the end; not waiting for them")
            break
    dump_calls()
    json.dump({"pages": [{"user": pg.user, "lang": pg.lang, "upstream": getattr(pg, "upstream_before_kill", pg.upstream),
                          "token": pg.token_before_kill, "cookies": {c.name: c.value for c in pg.jar}} for pg in pages],
               "pageLog": page_log, "stats": stats}, open(os.path.join(WORK, "run.json"), "w"), indent=1)
    print(f"run: {stats}")


# --------------------------------------------------------------------------------------- check

def psql(sql, db=None):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(CONF["pgPort"]), "-U", "postgres", "-d", db or CONF["db"],
                          "-AtX", "-F", "|", "-c", sql], capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line]


def result(ok, name, detail):
    line = f"{'PASS' if ok else 'FAIL'} {name}: {detail}"
    print(line)
    with open(RESULTS, "a") as f:
        f.write(line + "\n")


def check():
    st = json.load(open(STATE))
    rn = json.load(open(os.path.join(WORK, "run.json")))
    camp = st["campaign"]
    kill_start = float(open(os.path.join(WORK, "kill-start")).read())
    kill_end = float(open(os.path.join(WORK, "kill-end")).read())
    victim = open(os.path.join(WORK, "victim")).read().strip()

    # 1. Users still signed in (their sessions moved to the other node), language and CSRF kept.
    pages = rn["pages"]
    on_victim = [pg for pg in pages if (pg["upstream"] or "").endswith(":" + victim)]
    still, english, csrf = 0, 0, 0
    for pg in pages:
        jar = http.cookiejar.CookieJar()
        for name, value in pg["cookies"].items():
            jar.set_cookie(http.cookiejar.Cookie(0, name, value, None, False, "127.0.0.1", False, False, "/", True,
                                                 False, None, False, None, None, {}))
        c = Client(jar=jar)
        s, html, h = c.call("GET", "/cases")
        if s == 200 and 'name="username"' not in html:
            still += 1
        if pg["lang"] == "en" and 'lang="en"' in html:
            english += 1
        # The CSRF token taken before the kill signs the user out now: 302 to /login?logout, not 403.
        if pg["token"]:
            s, _, h = c.call("POST", "/logout", urllib.parse.urlencode({"_csrf": pg["token"]}))
            if s == 302 and "logout" in (h.get("Location") or ""):
                csrf += 1
    result(still == len(pages) and len(on_victim) > 0, "users still signed in",
           f"{still}/{len(pages)} page users signed in after the kill, {len(on_victim)} of them were on the killed node")
    want_en = sum(1 for pg in pages if pg["lang"] == "en")
    result(english == want_en, "language kept", f"{english}/{want_en} English users still see English")
    result(csrf == len(pages), "CSRF token kept", f"{csrf}/{len(pages)} sign-outs with the token from before the kill")
    lost = {u: e for u, e in rn["pageLog"].items() if e["lost"] and e["after"] == 0}
    result(not lost, "pages served during the run", f"page checks: {rn['pageLog']}")

    # 2. Every case consistent: entity and process agree.
    rows = psql(f"""
      select c.case_number, c.status, (select count(*) from act_ru_execution e where e.proc_inst_id_ = c.process_instance_id),
             (select count(*) from act_hi_procinst h where h.proc_inst_id_ = c.process_instance_id and h.end_time_ is not null)
      from aid_case c where c.campaign_code = '{camp}'""")
    bad = []
    for r in rows:
        number, status, running, ended = r.split("|")
        open_case = status in ("PENDING_APPROVAL", "IN_PROGRESS")
        if open_case and int(running) == 0 or not open_case and (int(running) > 0 or int(ended) != 1):
            bad.append(f"{number} {status} running={running} ended={ended}")
    result(len(rows) > 0 and not bad, "cases consistent", f"{len(rows)} cases, entity and process agree"
           + (f"; disagree: {bad[:5]}" if bad else ""))
    facts = psql(f"""select count(*) from aid_case c where c.campaign_code = '{camp}' and
      (select count(*) from stat_case_fact f where f.case_number = c.case_number and not f.voided) <> case when c.status = 'CLOSED' then 1 else 0 end""")
    result(facts == ["0"], "one fact per closed case", f"{facts[0]} cases whose statistics fact disagrees with their status")

    # 3. No payment paid twice; every paid payment belongs to one case paid once.
    twice = psql("select case_number from payment_item where status = 'PAID' group by case_number having count(*) > 1")
    paid = psql(f"select count(*) from payment_item i join aid_case c on c.case_number = i.case_number where c.campaign_code = '{camp}' and i.status = 'PAID'")
    result(not twice and int(paid[0]) > 0, "no payment paid twice", f"{paid[0]} bank payments PAID, {len(twice)} cases paid twice")

    # 4. Each reminder created once (the timers fired on one node only).
    deadline = psql(f"""select l.group_id_, count(*) from act_hi_taskinst t join act_hi_procinst p on p.proc_inst_id_ = t.proc_inst_id_
      join act_hi_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
      where t.task_def_key_ = 'submitReportReminder' and p.business_key_ = 'DEADLINE-{camp}' group by l.group_id_""")
    dup = [r for r in deadline if int(r.split("|")[1]) != 1]
    result(len(deadline) > 0 and not dup, "report reminders created once",
           f"{len(deadline)} units reminded" + (f"; more than once: {dup}" if dup else ", each once"))
    visits = psql(f"""select t.proc_inst_id_, count(*) from act_hi_taskinst t join aid_case c on c.process_instance_id = t.proc_inst_id_
      where t.task_def_key_ = 'visitReminder' and c.campaign_code = '{camp}' group by t.proc_inst_id_""")
    vdup = [r for r in visits if int(r.split("|")[1]) != 1]
    result(len(visits) > 0 and not vdup, "visit reminders created once",
           f"{len(visits)} cases got their visit reminder" + (f"; more than once: {vdup[:5]}" if vdup else ", each once"))

    # 5. stat_summary equal to a recount from the facts.
    recount = """select campaign_code, org_code, category, count(*), sum(amount_fen + goods_fen),
        sum(case when e1 then 1 else 0 end), sum(case when e2 then 1 else 0 end), sum(case when e3 then 1 else 0 end),
        sum(case when e4 then 1 else 0 end), sum(case when e5 then 1 else 0 end), sum(case when new_form then 1 else 0 end),
        sum(case when new_form then amount_fen + goods_fen else 0 end), sum(case when disabled then 1 else 0 end),
        sum(case when disabled then amount_fen + goods_fen else 0 end) from stat_case_fact where not voided
        group by campaign_code, org_code, category"""
    summary = """select campaign_code, org_code, category, cases, total_fen, e1, e2, e3, e4, e5, nf_cases, nf_fen, dis_cases, dis_fen
        from stat_summary where cases <> 0 or total_fen <> 0"""
    diff = psql(f"({recount} except {summary}) union all ({summary} except {recount})")
    n = psql(f"select count(*), coalesce(sum(cases), 0) from stat_summary where campaign_code = '{camp}'")[0]
    result(not diff and int(n.split("|")[1]) > 0, "stat_summary equals a recount",
           f"{n.split('|')[0]} summary rows, {n.split('|')[1]} closed cases in the drill campaign; differences: {diff[:3]}")

    # 6. Zero 5xx except during the kill (from the kill until the node was back, plus 5 s).
    calls = [json.loads(line) for line in open(os.path.join(WORK, "calls.jsonl"))]
    window = (kill_start - 1, kill_end + 5)
    outside = [c for c in calls if c[3] >= 500 and not (window[0] <= c[0] <= window[1])]
    inside = [c for c in calls if c[3] >= 500 and window[0] <= c[0] <= window[1]]
    result(not outside, "no 5xx outside the kill",
           f"{len(calls)} requests, {len(inside)} failed during the kill ({kill_end - kill_start:.0f} s), "
           f"{len(outside)} outside it" + (f": {outside[:5]}" if outside else ""))
    statuses = {}
    for c in calls:
        statuses[c[3]] = statuses.get(c[3], 0) + 1
    print(f"check: statuses {dict(sorted(statuses.items()))}; run {rn['stats']}")
    incidents = psql("select count(*) from act_ru_incident")
    result(incidents == ["0"], "no engine incidents", f"{incidents[0]} open incidents")


# ------------------------------------------------------------------------------ backup / restore

SNAPSHOT = {
    "cases": "select count(*), md5(coalesce(string_agg(case_number || status || amount_fen || process_instance_id, ',' order by case_number), '')) from aid_case",
    "payments": "select count(*), md5(coalesce(string_agg(case_number || status || amount_fen || batch_id, ',' order by id), '')) from payment_item",
    "batches": "select count(*), md5(coalesce(string_agg(id || status || total_fen, ',' order by id), '')) from payment_batch",
    "reports": "select count(*), md5(coalesce(string_agg(id || status || cells_json, ',' order by id), '')) from campaign_report",
    "evidence": "select count(*), md5(coalesce(string_agg(md5(content), ',' order by storage_key), '')) from attachment_blob",
    "workers": "select count(*), md5(coalesce(string_agg(id_number_enc || coalesce(bank_card_enc, ''), ',' order by id), '')) from worker",
    "summary": "select count(*), md5(coalesce(string_agg(campaign_code || org_code || category || cases || total_fen, ',' order by campaign_code, org_code, category), '')) from stat_summary",
    "processes": "select count(*), md5(coalesce(string_agg(id_, ',' order by id_), '')) from act_ru_execution",
    "audit": "select count(*), max(id) from audit_log",
}


def snapshot(db, name):
    snap = {}
    for k, sql in SNAPSHOT.items():
        snap[k] = psql(sql, db)[0]
    json.dump(snap, open(os.path.join(WORK, f"snapshot-{name}.json"), "w"), indent=1)
    print(f"snapshot {name}: " + ", ".join(f"{k} {v.split('|')[0]}" for k, v in snap.items()))


def restored():
    before = json.load(open(os.path.join(WORK, "snapshot-source.json")))
    after = json.load(open(os.path.join(WORK, "snapshot-restored.json")))
    diff = [k for k in before if before[k] != after[k]]
    result(not diff and int(before["cases"].split("|")[0]) > 0 and int(before["evidence"].split("|")[0]) > 0,
           "restore: tables intact",
           "counts and checksums equal for " + ", ".join(f"{k} ({before[k].split('|')[0]})" for k in before)
           + (f"; differ: {diff}" if diff else ""))
    st = json.load(open(STATE))
    camp = st["campaign"]
    manager = Client(st["users"]["0.MANAGER1"], PW)
    numbers = psql(f"select case_number, status from aid_case where campaign_code = '{camp}' and org_code = '{st['schools'][0]}'", "warmth_restored")
    found = 0
    for r in numbers:
        number, status = r.split("|")
        s, case = manager.json("GET", f"/api/v1/cases/{number}")
        if s == 200 and case["status"] == status:
            found += 1
    result(found == len(numbers) and found > 0, "restore: cases found through the restored node",
           f"{found}/{len(numbers)} cases of {st['schools'][0]} with their status")
    attachment = psql("select max(id) from attachment where storage_key is not null", "warmth_restored")
    officer = Client(st["users"]["0.OFFICER1"], PW)
    s, body, h = officer.call("GET", f"/api/v1/attachments/{attachment[0]}") if attachment and attachment[0] else (0, "", {})
    s2, body2, h2 = Client(st["users"]["1.OFFICER1"], PW).call("GET", f"/api/v1/attachments/{attachment[0]}") \
        if s == 404 else (s, body, h)
    result(200 in (s, s2) and (h2 or h or {}).get("Content-Type", "").startswith("image/"), "restore: evidence opens",
           f"attachment {attachment[0] if attachment else None} answered {s if s == 200 else s2}")
    s, reports = manager.json("GET", f"/api/v1/reports?campaign={camp}")
    want = int(psql(f"select count(*) from campaign_report where campaign_code = '{camp}'", "warmth_restored")[0])
    result(s == 200 and len(reports) >= 1 and len(reports) >= want, "restore: reports found",
           f"{len(reports) if reports else 0} reports visible to the school's manager ({want} in the campaign)")
    s, stats = manager.json("GET", f"/api/v1/statistics?campaign={camp}&org={st['schools'][0]}")
    cells = stats.get("cells", {}) if stats else {}
    result(s == 200 and int(cells.get("C", 0)) > 0, "restore: statistics answer",
           f"C (cases) = {cells.get('C')}, D (amount) = {cells.get('D')} yuan for {st['schools'][0]}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "setup":
        setup()
    elif cmd == "run":
        run()
    elif cmd == "check":
        check()
    elif cmd == "snapshot":
        snapshot(sys.argv[3], sys.argv[4])
    elif cmd == "restored":
        restored()
