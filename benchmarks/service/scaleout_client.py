#!/usr/bin/env python3
"""Clients and verifier for scaleout.sh: several service instances over one PostgreSQL database.

burst URLS KEY TAG DIR STOP  16 threads write statements with Idempotency-Keys until the file STOP exists, each
                             write to the instances in turn. A write that fails (connection refused or reset, timeout,
                             5xx) is retried with the same key on the next instance, after a short pause, until it is
                             acknowledged (or for 120 s): what a client behind a load balancer does. Every write is
                             logged to DIR/sent.tsv before it is sent and to DIR/acked.tsv once answered 200; the
                             answers by status go to DIR/status-TAG.json.
verify URL KEY DIR TAG       checks every user's export: each acknowledged write present exactly once (by text and by
                             event id), no write present twice. Prints one line.
ryw URLS KEY N               N write-then-read probes alternating instances: write a statement on one instance, then
                             read the user's events and preferences on the other; a probe passes when the other
                             instance already shows the event and every preference the write created. Prints one line.
"""
import collections, json, os, random, sys, threading, time, urllib.error, urllib.request

USERS = 20
THREADS = 16

def request(url, key, method, path, body=None, idem=None, timeout=30):
    headers = {"Authorization": f"Bearer {key}"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if idem is not None:
        headers["Idempotency-Key"] = idem
    req = urllib.request.Request(f"{url}{path}", data=data, headers=headers, method=method)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read()), r.headers

def burst(urls, key, tag, out, stop):
    urls = urls.split(",")
    lock = threading.Lock()
    sent = open(os.path.join(out, "sent.tsv"), "a")
    acked = open(os.path.join(out, "acked.tsv"), "a")
    counts = collections.Counter()

    def worker(t):
        n = 0
        while not os.path.exists(stop):
            n += 1
            user = f"so-{random.randrange(USERS)}"
            idem = f"{tag}-w{t}-{n}"
            text = f"I prefer option {idem} for the scale-out test."
            with lock:
                sent.write(f"{idem}\t{user}\t{text}\n"); sent.flush()
            started = time.monotonic()
            attempt = 0
            while True:
                url = urls[(t + n + attempt) % len(urls)]
                try:
                    status, body, headers = request(url, key, "POST", f"/v1/users/{user}/statements", {"text": text}, idem)
                except urllib.error.HTTPError as error:
                    outcome = str(error.code)
                except Exception as error:
                    outcome = type(getattr(error, "reason", error)).__name__
                else:
                    with lock:
                        counts["200"] += 1
                        counts["acknowledged after a retry"] += 1 if attempt else 0
                        counts["replayed"] += 1 if headers.get("Idempotent-Replayed") == "true" else 0
                        acked.write(f"{idem}\t{user}\t{text}\t{body['events'][0]['id']}\n"); acked.flush()
                    break
                with lock:
                    counts[outcome] += 1
                attempt += 1
                if time.monotonic() - started > 120:
                    with lock:
                        counts["given up"] += 1
                    break
                time.sleep(min(0.1 * attempt, 1.0))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for th in threads: th.start()
    for th in threads: th.join()
    with open(os.path.join(out, f"status-{tag}.json"), "w") as f:
        json.dump(counts, f)

def read_tsv(path):
    if not os.path.exists(path): return []
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]

def verify(url, key, out, tag):
    acked = {row[0]: row for row in read_tsv(os.path.join(out, "acked.tsv"))}
    sent = {row[0]: row for row in read_tsv(os.path.join(out, "sent.tsv"))}
    texts = collections.Counter()
    ids = collections.Counter()
    for u in range(USERS):
        _, events, _ = request(url, key, "GET", f"/v1/users/so-{u}/events")
        for ev in events:
            texts[(f"so-{u}", ev.get("text"))] += 1
            ids[ev["id"]] += 1
    lost = sum(1 for (_, user, text, event_id) in acked.values() if texts[(user, text)] == 0 or ids[event_id] == 0)
    duplicated = sum(1 for c in texts.values() if c > 1) + sum(1 for c in ids.values() if c > 1)
    unacknowledged = len(sent) - len(acked)
    with open(os.path.join(out, f"status-{tag}.json")) as f:
        counts = json.load(f)
    answers = " ".join(f"{k}:{v}" for k, v in sorted(counts.items()))
    print(f"sent={len(sent)} acknowledged={len(acked)} unacknowledged={unacknowledged} lost={lost} duplicated={duplicated} events={sum(ids.values())} answers[{answers}]")
    return 0 if lost == 0 and duplicated == 0 and counts.get("500", 0) == 0 else 1

def ryw(urls, key, n):
    urls = urls.split(",")
    event_ok = preferences_ok = 0
    foods = ["porridge", "rye bread", "miso soup", "granola", "pancakes", "congee", "yogurt", "toast"]
    for i in range(n):
        writer, reader = urls[i % len(urls)], urls[(i + 1) % len(urls)]
        user = f"ryw-{i % 10}"
        text = f"For breakfast I prefer {foods[i % len(foods)]} with item {i}."
        _, written, _ = request(writer, key, "POST", f"/v1/users/{user}/statements", {"text": text})
        _, events, _ = request(reader, key, "GET", f"/v1/users/{user}/events")
        _, preferences, _ = request(reader, key, "GET", f"/v1/users/{user}/preferences")
        event_ok += 1 if events and events[-1].get("text") == text else 0
        shown = {p["id"] for p in preferences}
        preferences_ok += 1 if all(p["id"] in shown for p in written.get("created", [])) else 0
    print(f"probes={n} event_seen_on_other_instance={event_ok} preferences_seen_on_other_instance={preferences_ok}")
    return 0 if event_ok == n and preferences_ok == n else 1

if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "burst":
        burst(*sys.argv[2:7])
    elif mode == "verify":
        sys.exit(verify(*sys.argv[2:6]))
    else:
        sys.exit(ryw(sys.argv[2], sys.argv[3], int(sys.argv[4])))
