#!/usr/bin/env python3
"""First-render server time of each dashboard page for a tenant with many users and a user with many preferences.

Starts the built service on a fresh SQLite file, writes statements for one user through the API until that user has PREFS
current preferences (PrefEval's explicit preferences, then TAPS's standing instructions, then instructions naming NLSI's slot values, read from --data, default
../shared/data; real, embedded, distinct preferences), 40 reactions to answers and 100 decisions (80 rewarded), then adds USERS more users straight into the SQLite file (one event and one preference
each: the users page reads only their counts), signs in with the bootstrap key like a browser (anti-forgery token,
cookie) and times each page: the first request, then the median of REPEAT more. Times are measured on loopback, so they
are the server's time plus a negligible transfer.

    dotnet build src/Penchant.Server -c Release
    python3 benchmarks/service/dashboard_render.py [--users 10000] [--prefs 500] [--repeat 10]
"""
import argparse, csv, concurrent.futures, json, os, re, sqlite3, statistics, subprocess, tempfile, threading, time, urllib.error, urllib.parse, urllib.request

REQUESTS = ["Suggest a hotel and two activities for a weekend in Lisbon.", "Recommend a show to watch tonight.", "Help me choose running shoes.", "Plan a study schedule for my exam.", "Which car should I test drive?", "Find a restaurant for Friday dinner."]


def request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=300) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def read_statements(data):
    """Yields PrefEval's explicit preferences, then TAPS's standing instructions (read from the shared data folder)."""
    folder = os.path.join(data, "prefeval", "explicit_preference")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for item in json.load(f):
                yield item["preference"]
    taps = os.path.join(data, "nlsi", "grill-lab_taps")
    for name in ("train_instructions_golden.csv", "val_instructions_tag_golden.csv", "gpt4_tag_2_shot.csv"):
        path = os.path.join(taps, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    if row.get("org"):
                        yield row["org"]
    # Then one liking per named value of NLSI's slots (restaurants, films, hotels, artists …), each naming its own thing.
    slots = os.path.join(data, "nlsi", "nikitacs16_nlsi", "slot_value_dict.json")
    if os.path.exists(slots):
        with open(slots, encoding="utf-8") as f:
            for domain, by_slot in json.load(f).items():
                for slot, values in by_slot.items():
                    if slot.endswith("_name") or slot in ("artist", "directed_by"):
                        for value in values:
                            yield f"I love {value}."


def seed(args, base, key, db):
    """Writes the heavy user's statements and reactions through the API and the other users into the file; returns the statements written."""
    auth = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}

    def remember(text):
        return request(base + "/v1/users/heavy/statements", json.dumps({"text": text}).encode(), auth)[0]

    def current():
        status, _, body = request(base + "/v1/users/heavy", headers=auth)
        return json.loads(body)["preferences"] if status == 200 else 0

    # Real, distinct preferences: PrefEval's explicit preferences, then TAPS's standing instructions, in batches until
    # the user has PREFS current ones (statements that say an earlier one again reinforce it instead of adding one).
    statements = list(read_statements(args.data))
    seed_start = time.perf_counter()
    written = 0
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        while written < len(statements):
            have = current()
            if have >= args.prefs:
                break
            batch = statements[written:written + max(10, args.prefs - have)]
            written += len(batch)
            statuses = list(pool.map(remember, batch))
            assert all(s == 200 for s in statuses), statuses[:5]
    if current() < args.prefs:
        raise SystemExit(f"only {current()} current preferences from {written} statements: " + request(base + "/v1/users/heavy", headers=auth)[2].decode())

    # Reactions to answers (some applying a preference), so the models page has outcomes to plot and requests to replay.
    ids = [p["id"] for p in json.loads(request(base + "/v1/users/heavy/preferences", headers=auth)[2])]
    for i in range(40):
        body = {"turn": "Thanks, that was perfect." if i % 3 else "No, that is not what I asked for.", "request": REQUESTS[i % len(REQUESTS)],
                "answer": "Here is a suggestion.", "appliedPreferenceIds": ids[i % len(ids):i % len(ids) + 1]}
        assert request(base + "/v1/users/heavy/reactions", json.dumps(body).encode(), auth)[0] == 200

    # Decisions with rewards (most rewarded, some left waiting), so the models page estimates every policy off-policy.
    for i in range(100):
        body = {"context": {"text": REQUESTS[i % len(REQUESTS)]}, "actions": [{"id": "short", "text": "a short answer"}, {"id": "long", "text": "a detailed answer"}, {"id": "list", "text": "a bulleted list"}]}
        status, _, answer = request(base + "/v1/users/heavy/decisions", json.dumps(body).encode(), auth)
        assert status == 200, (status, answer[:300])
        decision = json.loads(answer)
        if i % 5:
            reward = 1.0 if decision["slate"][0]["id"] == ("short" if i % 2 else "list") else 0.0
            assert request(base + f"/v1/users/heavy/decisions/{decision['decisionId']}/reward", json.dumps({"value": reward}).encode(), auth)[0] == 200

    # Many more users, straight into the file (the same rows the store writes for one statement and its preference).
    payload = json.dumps({"text": "prefers tea", "kind": "Preference", "polarity": "Positive", "strength": 0.5, "confidence": 0.9,
                          "createdAt": "2026-01-01T00:00:00.0000000+00:00", "updatedAt": "2026-01-01T00:00:00.0000000+00:00", "accepted": 0, "rejected": 0})
    con = sqlite3.connect(db, timeout=60)
    with con:
        con.executemany("INSERT INTO users (tenant, user, version) VALUES ('default', ?, 1)", [(f"user{i:05d}",) for i in range(args.users)])
        con.executemany("INSERT INTO events (tenant, user, seq, id, kind, text, at) VALUES ('default', ?, 1, 'ev1', 0, 'I prefer tea.', '2026-01-01T00:00:00.0000000+00:00')", [(f"user{i:05d}",) for i in range(args.users)])
        con.executemany("INSERT INTO preferences (tenant, user, id, ordinal, payload) VALUES ('default', ?, 'p1', 1, ?)", [(f"user{i:05d}", payload) for i in range(args.users)])
    con.close()
    print(f"seeded in {time.perf_counter() - seed_start:.0f} s ({written} statements through the API, {args.users} users into the file)", flush=True)
    return written


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=10000)
    parser.add_argument("--prefs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--data", default=os.path.join("..", "shared", "data"), help="the shared data folder (PrefEval and NLSI/TAPS)")
    parser.add_argument("--folder", help="keep the SQLite file (and the key) in this folder and reuse them on the next run instead of seeding again")
    parser.add_argument("--port", type=int, default=5099)
    parser.add_argument("--dll", default="artifacts/bin/Penchant.Server/release/Penchant.Server.dll")
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    folder = args.folder or tempfile.mkdtemp(prefix="penchant-dashboard-bench-")
    os.makedirs(folder, exist_ok=True)
    db = os.path.join(folder, "penchant.db")
    key_file = os.path.join(folder, "key.txt")
    reuse = os.path.exists(key_file)
    env = dict(os.environ, Penchant__Database=db, ASPNETCORE_URLS=base, ASPNETCORE_ENVIRONMENT="Development", Logging__LogLevel__Default="Warning")
    server = subprocess.Popen(["dotnet", args.dll], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        key = open(key_file).read().strip() if reuse else None
        while key is None:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("the service exited")
            m = re.search(r"Bearer (pk_\S+)", line)
            key = m.group(1) if m else None
        while True:
            try:
                if request(base + "/health/ready")[0] == 200:
                    break
            except urllib.error.URLError:
                pass
            time.sleep(0.5)

        # Keep reading the service's output so it never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        auth = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}
        written = 0
        if not reuse:
            written = seed(args, base, key, db)
            with open(key_file, "w") as f:
                f.write(key)

        # Sign in as a browser does: the form's anti-forgery token and cookie, then the dashboard cookie.
        status, headers, body = request(base + "/signin")
        cookies = {}

        def keep(h):
            for name, value in h.items():
                if name.lower() == "set-cookie":
                    for part in value.split("\n"):
                        k, v = part.split(";")[0].split("=", 1)
                        cookies[k.strip()] = v
        keep(headers)
        html = body.decode()
        token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html) or re.search(r'type="hidden" name="__RequestVerificationToken" value="([^"]+)"', html)
        form = urllib.parse.urlencode({"_handler": "signin", "__RequestVerificationToken": token.group(1), "Form.ApiKey": key}).encode()
        cookie_header = lambda: "; ".join(f"{k}={v}" for k, v in cookies.items())
        status, headers, _ = request(base + "/signin", form, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header()})
        keep(headers)
        assert "penchant-dashboard" in cookies, (status, headers)

        preferences = json.loads(request(base + "/v1/users/heavy/preferences", headers=auth)[2])
        most_sourced = max(preferences, key=lambda p: len(p["sources"]))
        pages = {
            f"users ({args.users + 1} users)": "/",
            "users, search": "/?q=user09",
            f"user ({args.prefs} preferences)": "/users/heavy",
            f"provenance ({len(most_sourced['sources'])} sources)": f"/users/heavy/preferences/{most_sourced['id']}",
            "try a request": None,
            "models & health": "/models?user=heavy",
            "models, off-policy estimates": "/models?user=heavy&estimate=true",
        }
        results = []
        count = json.loads(request(base + "/v1/users/heavy", headers=auth)[2])
        for name, path in pages.items():
            times = []
            for i in range(args.repeat + 1):
                start = time.perf_counter()
                if path is None:
                    s, h, b = request(base + "/try", headers={"Cookie": cookie_header()})
                    keep(h)
                    tok = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', b.decode()) or re.search(r'type="hidden" name="__RequestVerificationToken" value="([^"]+)"', b.decode())
                    start = time.perf_counter()
                    data = urllib.parse.urlencode({"_handler": "try", "__RequestVerificationToken": tok.group(1), "Form.User": "heavy", "Form.Request": REQUESTS[0], "Form.Candidates": "A beach hotel with a spa\nA city hotel near the museums"}).encode()
                    s, h, b = request(base + "/try", data, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header()})
                else:
                    s, h, b = request(base + path, headers={"Cookie": cookie_header()})
                elapsed = (time.perf_counter() - start) * 1000
                assert s == 200, (name, s)
                times.append(elapsed)
                steps = {k.lower(): v for k, v in h.items()}.get("server-timing", "")
            results.append((name, times[0], statistics.median(times[1:]), len(b) // 1024, re.sub(r"-\d+;dur=", " ", steps)))
        print(f"user 'heavy': {count['preferences']} current preferences, {count['allPreferences']} stored, {count['events']} events; tenant users: {args.users + 1}")
        print("| page | first request (ms) | median of next %d (ms) | HTML (KiB) | server steps of the last request (ms) |" % args.repeat)
        print("|---|---|---|---|---|")
        for name, first, median, size, steps in results:
            print(f"| {name} | {first:.0f} | {median:.0f} | {size} | {steps} |")
        with open("/proc/loadavg") as f:
            load = f.read().split()[0]
        print("dashboard-render: " + " ".join(f"{re.sub('[^a-z]+', '_', n.split(' (')[0])}_first_ms={f:.0f} {re.sub('[^a-z]+', '_', n.split(' (')[0])}_median_ms={m:.0f}" for n, f, m, _, _ in results) + f" load={load}")
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
