#!/usr/bin/env python3
"""First-render server time of each dashboard page for a tenant with many users and a user with many preferences.

Starts the built service on a fresh SQLite file, writes PREFS statements for one user through the API (so that user's
preferences are real, embedded ones), adds USERS more users straight into the SQLite file (one event and one preference
each: the users page reads only their counts), signs in with the bootstrap key like a browser (anti-forgery token,
cookie) and times each page: the first request, then the median of REPEAT more. Times are measured on loopback, so they
are the server's time plus a negligible transfer.

    dotnet build src/Penchant.Server -c Release
    python3 benchmarks/service/dashboard_render.py [--users 10000] [--prefs 500] [--repeat 10]
"""
import argparse, concurrent.futures, json, os, re, sqlite3, statistics, subprocess, tempfile, time, urllib.parse, urllib.request

ADJECTIVES = ["quiet", "bright", "early", "late", "short", "long", "warm", "cold", "spicy", "mild", "formal", "casual", "green", "red", "metric", "imperial", "printed", "digital", "local", "remote"]
THINGS = ["meetings", "flights", "hotels", "emails", "reports", "recipes", "playlists", "trains", "summaries", "invoices", "photos", "charts", "podcasts", "novels", "bikes", "gardens", "desks", "shoes", "coffees", "teas", "cameras", "lamps", "maps", "boats", "tents"]


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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=10000)
    parser.add_argument("--prefs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--port", type=int, default=5099)
    parser.add_argument("--dll", default="artifacts/bin/Penchant.Server/release/Penchant.Server.dll")
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    folder = tempfile.mkdtemp(prefix="penchant-dashboard-bench-")
    db = os.path.join(folder, "penchant.db")
    env = dict(os.environ, Penchant__Database=db, ASPNETCORE_URLS=base, ASPNETCORE_ENVIRONMENT="Development", Logging__LogLevel__Default="Warning")
    server = subprocess.Popen(["dotnet", args.dll], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        key = None
        while key is None:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("the service exited")
            m = re.search(r"Bearer (pk_\S+)", line)
            key = m.group(1) if m else None
        while request(base + "/health/ready")[0] != 200:
            time.sleep(0.5)

        auth = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}

        def remember(i):
            text = f"I prefer {ADJECTIVES[i % len(ADJECTIVES)]} {THINGS[(i // len(ADJECTIVES)) % len(THINGS)]} for project {i}."
            return request(base + "/v1/users/heavy/statements", json.dumps({"text": text}).encode(), auth)[0]

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(remember, range(args.prefs)))
        assert all(s == 200 for s in statuses), statuses[:5]

        # Many more users, straight into the file (the same rows the store writes for one statement and its preference).
        payload = json.dumps({"text": "prefers tea", "kind": "Preference", "polarity": "Positive", "strength": 0.5, "confidence": 0.9,
                              "createdAt": "2026-01-01T00:00:00.0000000+00:00", "updatedAt": "2026-01-01T00:00:00.0000000+00:00", "accepted": 0, "rejected": 0})
        con = sqlite3.connect(db, timeout=60)
        with con:
            con.executemany("INSERT INTO users (tenant, user, version) VALUES ('default', ?, 1)", [(f"user{i:05d}",) for i in range(args.users)])
            con.executemany("INSERT INTO events (tenant, user, seq, id, kind, text, at) VALUES ('default', ?, 1, 'ev1', 0, 'I prefer tea.', '2026-01-01T00:00:00.0000000+00:00')", [(f"user{i:05d}",) for i in range(args.users)])
            con.executemany("INSERT INTO preferences (tenant, user, id, ordinal, payload) VALUES ('default', ?, 'p1', 1, ?)", [(f"user{i:05d}", payload) for i in range(args.users)])
        con.close()

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

        pages = {
            f"users ({args.users + 1} users)": "/",
            "users, search": "/?q=user09",
            f"user ({args.prefs} statements)": "/users/heavy",
            "try a request": None,
            "models & health": "/models?user=heavy",
        }
        results = []
        count = json.loads(request(base + "/v1/users/heavy", headers=auth)[2])
        for name, path in pages.items():
            times = []
            for i in range(args.repeat + 1):
                start = time.perf_counter()
                if path is None:
                    s, h, b = request(base + "/try")
                    tok = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', b.decode()) or re.search(r'type="hidden" name="__RequestVerificationToken" value="([^"]+)"', b.decode())
                    start = time.perf_counter()
                    data = urllib.parse.urlencode({"_handler": "try", "__RequestVerificationToken": tok.group(1), "Form.User": "heavy", "Form.Request": "Plan the quiet meetings for project 7.", "Form.Candidates": "Option one\nOption two"}).encode()
                    s, h, b = request(base + "/try", data, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header()})
                else:
                    s, h, b = request(base + path, headers={"Cookie": cookie_header()})
                elapsed = (time.perf_counter() - start) * 1000
                assert s == 200, (name, s)
                times.append(elapsed)
            results.append((name, times[0], statistics.median(times[1:])))
        print(f"user 'heavy': {count['preferences']} current preferences from {args.prefs} statements; tenant users: {args.users + 1}")
        print("| page | first render (ms) | median of next %d (ms) |" % args.repeat)
        print("|---|---|---|")
        for name, first, median in results:
            print(f"| {name} | {first:.0f} | {median:.0f} |")
        print("dashboard-render: " + " ".join(f"{re.sub('[^a-z]+', '_', n.split(' (')[0])}_first_ms={f:.0f} {re.sub('[^a-z]+', '_', n.split(' (')[0])}_median_ms={m:.0f}" for n, f, m in results))
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
