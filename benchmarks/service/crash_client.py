#!/usr/bin/env python3
"""Write-burst client and verifier for crash.sh.

burst URL KEY TRIAL DIR   writes statements with Idempotency-Keys from 16 threads until the service dies; every
                          write is logged to DIR/sent.tsv before it is sent and to DIR/acked.tsv once answered 200.
verify URL KEY DIR        retries every write that was sent but not acknowledged (same key), then checks every
                          user's export: each acknowledged write present exactly once, no text present twice.
                          Prints one line: acknowledged so far (all trials, earlier retries included), retried now (and
                          how many of those the service had committed before it died: answered as replays), lost,
                          duplicated, events in the store.
"""
import json, os, random, sys, threading, urllib.error, urllib.request

USERS = 20

def post(url, key, user, idem, text, timeout=10):
    req = urllib.request.Request(f"{url}/v1/users/{user}/statements", data=json.dumps({"text": text}).encode(),
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json",
                                          "Idempotency-Key": idem})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        body = json.loads(r.read())
        return r.status, body["events"][0]["id"], r.headers.get("Idempotent-Replayed") == "true"

def post_with_retries(url, key, user, idem, text, attempts=5):
    """What a client does with an idempotency key: retry the same request until it is acknowledged."""
    for attempt in range(attempts):
        try:
            return post(url, key, user, idem, text, timeout=60)
        except Exception:
            if attempt == attempts - 1:
                raise

def burst(url, key, trial, out):
    lock = threading.Lock()
    sent = open(os.path.join(out, "sent.tsv"), "a")
    acked = open(os.path.join(out, "acked.tsv"), "a")
    dead = threading.Event()

    def worker(t):
        n = 0
        while not dead.is_set():
            n += 1
            user = f"crash-{random.randrange(USERS)}"
            idem = f"t{trial}-w{t}-{n}"
            text = f"I prefer option {idem} for the crash test."
            with lock:
                sent.write(f"{idem}\t{user}\t{text}\n"); sent.flush(); os.fsync(sent.fileno())
            try:
                status, event_id, _ = post(url, key, user, idem, text)
            except Exception as error:
                # Record how the request failed: refused (never reached the service) or dropped mid-request.
                reason = getattr(error, "reason", error)
                with lock:
                    with open(os.path.join(out, "errors.tsv"), "a") as errors:
                        errors.write(f"{idem}\t{type(reason).__name__}\n")
                dead.set()
                return
            if status == 200:
                with lock:
                    acked.write(f"{idem}\t{user}\t{text}\t{event_id}\n"); acked.flush(); os.fsync(acked.fileno())

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(16)]
    for th in threads: th.start()
    for th in threads: th.join()

def read_tsv(path):
    if not os.path.exists(path): return []
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]

def verify(url, key, out):
    acked = {row[0]: row for row in read_tsv(os.path.join(out, "acked.tsv"))}
    sent = {row[0]: row for row in read_tsv(os.path.join(out, "sent.tsv"))}
    acknowledged = len(acked)
    retried = 0
    replayed = 0
    # A client retries what it never saw acknowledged, with the same key: it must be applied at most once overall.
    for idem, (_, user, text) in sent.items():
        if idem not in acked:
            status, event_id, was_replayed = post_with_retries(url, key, user, idem, text)
            acked[idem] = [idem, user, text, event_id]
            retried += 1
            replayed += 1 if was_replayed else 0
    with open(os.path.join(out, "acked.tsv"), "w") as f:
        for row in acked.values(): f.write("\t".join(row) + "\n")
    texts = {}
    ids = {}
    for u in range(USERS):
        req = urllib.request.Request(f"{url}/v1/users/crash-{u}/events", headers={"Authorization": f"Bearer {key}"})
        with urllib.request.urlopen(req, timeout=30) as r:
            for ev in json.loads(r.read()):
                texts[(f"crash-{u}", ev.get("text"))] = texts.get((f"crash-{u}", ev.get("text")), 0) + 1
                ids[ev["id"]] = ids.get(ev["id"], 0) + 1
    lost = sum(1 for (_, user, text, event_id) in acked.values() if texts.get((user, text), 0) == 0 or ids.get(event_id, 0) == 0)
    duplicated = sum(1 for c in texts.values() if c > 1) + sum(1 for c in ids.values() if c > 1)
    print(f"acknowledged={acknowledged} retried_unacknowledged={retried} (of which committed before the kill: {replayed}) lost={lost} duplicated={duplicated} events={sum(ids.values())}")
    return 0 if lost == 0 and duplicated == 0 else 1

if __name__ == "__main__":
    if sys.argv[1] == "burst":
        burst(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        sys.exit(verify(sys.argv[2], sys.argv[3], sys.argv[4]))
