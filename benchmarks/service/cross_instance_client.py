#!/usr/bin/env python3
"""Probe client of cross-instance.sh: two service processes (A and B) over one SQLite file.

probes URL_A URL_B KEY N RUN    N probes, one at a time. Probe i takes a user, lets the reading instance cache it (select
                                and list), writes on the other instance (a statement, an observed conversation or a
                                reaction that corrects an answer), and right after the write is acknowledged reads on
                                the reading instance again: its list must hold every preference the write created and
                                none it superseded, and equal the writer's list; its select must pick every created
                                preference the writer's select picks, and pick the same preferences (their probabilities
                                may differ in the third decimal: see max_probability_gap); its event log must end with
                                the write's last event. Roles alternate (A writes and B reads, then the reverse).
                                Prints one line: probes, visible, stale (and which check failed), errors, writes that
                                created a preference, selects that picked it, the largest probability gap.
concurrent URL_A URL_B KEY W RUN
                                W writes to WRITE_USERS (4) users from THREADS (8) threads, half through A and half
                                through B (every user through both), each with an
                                Idempotency-Key; a 409 or a dropped request is retried with the same key (what a client
                                is told to do). Then every user's event log is read on both instances: every acknowledged
                                write is present exactly once, both instances return the same log and the same list.
                                Prints one line: writes, acknowledged, retries by status, lost, duplicated, mismatches.
Standard library only.
"""
import http.client
import json
import os
import sys
import threading
import urllib.parse
from collections import Counter

# (statement, request it bears on, a correction of an answer to that request that states the same wish)
TOPICS = [
    ("I'm vegetarian, so never suggest meat dishes.", "Propose a recipe for this evening's dinner",
     "No, I'm vegetarian. Never suggest meat dishes."),
    ("Always give distances in kilometres, never miles.", "How far is it from Paris to Berlin?",
     "No, give me the distance in kilometres, not miles."),
    ("I prefer Python for code examples.", "Write code that reads a CSV file",
     "No, write the code examples in Python instead."),
    ("Keep your answers short.", "Answer briefly: what is inflation?",
     "No, that's far too long. Keep your answers short."),
    ("I like window seats when I fly.", "Book me a flight to Madrid", "No, always book me a window seat."),
    ("I listen mostly to jazz.", "Recommend some music for a rainy evening", "No, recommend jazz instead."),
    ("Please write emails to my team in a formal tone.", "Draft an email to my team about the deadline",
     "No, that's too casual. Use a formal tone in emails to my team."),
    ("I have a peanut allergy.", "What snacks should I pack for the hike?",
     "No, I'm allergic to peanuts, so never suggest snacks with peanuts."),
    ("I prefer hotels close to the city centre.", "Find me a hotel in Rome",
     "No, find hotels close to the city centre."),
    ("Use British spelling in everything you write for me.", "Write a short essay on colour and flavour",
     "No, use British spelling in everything you write for me."),
]
USERS = 100
THREADS = int(os.environ.get("THREADS", "8"))          # concurrent writers
WRITE_USERS = int(os.environ.get("WRITE_USERS", "4"))  # users they write to


class Instance:
    """One service process, one keep-alive connection per thread."""

    def __init__(self, name, url, key):
        self.name = name
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.key = key
        self.local = threading.local()

    def call(self, method, path, body=None, headers=None, timeout=120):
        """Returns (status, parsed body); raises on a connection failure (the connection is then reopened)."""
        head = {"Authorization": f"Bearer {self.key}"}
        if body is not None:
            head["Content-Type"] = "application/json"
        head.update(headers or {})
        data = None if body is None else json.dumps(body).encode()
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=data, headers=head)
            response = conn.getresponse()
            raw = response.read()
        except Exception:
            conn.close()
            self.local.conn = None
            raise
        return response.status, (json.loads(raw) if raw else None), response.headers


def ok(instance, method, path, body=None, headers=None):
    status, answer, _ = instance.call(method, path, body, headers)
    if status != 200:
        raise RuntimeError(f"{instance.name} {method} {path}: {status} {answer}")
    return answer


def read(instance, user, request):
    listed = ok(instance, "GET", f"/v1/users/{user}/preferences")
    selected = ok(instance, "POST", f"/v1/users/{user}/select", {"text": request})
    # Whole preferences (sources, strength, dates), not only ids: a reinforced preference keeps its id.
    return listed, [(s["preference"], s["probability"]) for s in selected["preferences"]]


def ids(preferences):
    return {p["id"] for p in preferences}


def write(instance, user, kind, topic, applied, idem):
    statement, request, correction = topic
    if kind == "statement":
        return ok(instance, "POST", f"/v1/users/{user}/statements", {"text": statement}, {"Idempotency-Key": idem})
    if kind == "observation":
        turns = [{"role": "user", "content": request}, {"role": "assistant", "content": "Here you go."},
                 {"role": "user", "content": statement}]
        return ok(instance, "POST", f"/v1/users/{user}/observations", {"turns": turns}, {"Idempotency-Key": idem})
    # A reaction is feedback: it is not idempotent-keyed; it moves the applied preferences' acceptance and a stated wish
    # becomes a preference.
    answer = ok(instance, "POST", f"/v1/users/{user}/reactions",
                {"turn": correction, "request": request, "answer": "Here is an answer.", "appliedPreferenceIds": applied})
    return answer["write"]


def probes(url_a, url_b, key, n, run):
    a, b = Instance("A", url_a, key), Instance("B", url_b, key)
    kinds = Counter()
    stale = Counter()
    visible = created_writes = select_checked = errors = 0
    max_probability_gap = 0.0
    for i in range(n):
        user_index, rnd = i % USERS, i // USERS
        user = f"xi-{run}-{user_index}"
        topic = TOPICS[(user_index + rnd) % len(TOPICS)]
        writer, reader = (a, b) if (i + rnd) % 2 == 0 else (b, a)
        kind = ("statement", "observation", "statement", "reaction")[(i + rnd) % 4]
        kinds[kind] += 1
        request = topic[1]

        try:
            # 1. The reader caches the user (its state as of now).
            _, selected_before = read(reader, user, request)
            # 2. The writer records the write; it is acknowledged when this returns 200.
            result = write(writer, user, kind, topic, [p["id"] for p, _ in selected_before], f"probe-{run}-{i}")
            created = {p["id"] for p in result["created"]}
            superseded = {p["id"] for p in result["superseded"]}
            last_event = result["events"][-1]["id"]
            # 3. At once, the reader again; then the writer, for reference.
            listed, selected = read(reader, user, request)
            events = ok(reader, "GET", f"/v1/users/{user}/events")
            writer_listed, writer_selected = read(writer, user, request)

            failures = []
            if not created <= ids(listed) or superseded & ids(listed):
                failures.append("list_missing_write")
            if listed != writer_listed:
                failures.append("list_differs")
            picked, writer_picked = ids(p for p, _ in selected), ids(p for p, _ in writer_selected)
            if (created & writer_picked) - picked:
                failures.append("select_missing_write")
            # The same preferences, not the same probabilities: the service's 8-bit model quantizes a batch's inputs
            # with one scale, so a phrase embedded in another batch (another process) differs in the last digits.
            if picked != writer_picked:
                failures.append("select_differs")
            probabilities = {p["id"]: q for p, q in writer_selected}
            for p, q in selected:
                if p["id"] in probabilities:
                    max_probability_gap = max(max_probability_gap, abs(q - probabilities[p["id"]]))
            if not events or events[-1]["id"] != last_event:
                failures.append("log_behind")
            if created:
                created_writes += 1
                if created & picked:
                    select_checked += 1
            if failures:
                stale.update(failures)
            else:
                visible += 1
        except (RuntimeError, OSError, http.client.HTTPException) as error:
            # An error answer (a 500, a 409 that the engine did not retry away) or a dropped connection.
            errors += 1
            print(f"  probe {i}: {error}", flush=True)
        if (i + 1) % 100 == 0:
            print(f"  {i + 1} probes: visible={visible} stale={i + 1 - visible - errors} errors={errors}", flush=True)
    detail = ",".join(f"{k}:{v}" for k, v in sorted(stale.items())) or "none"
    kind_text = ",".join(f"{k}:{v}" for k, v in sorted(kinds.items()))
    print(f"probes={n} visible={visible} stale={n - visible - errors} errors={errors} stale_by_check={detail} kinds={kind_text} "
          f"writes_creating_a_preference={created_writes} selects_picking_it={select_checked} "
          f"max_probability_gap={max_probability_gap:.4f}")
    return 0 if visible == n else 1


def concurrent(url_a, url_b, key, total, run):
    instances = [Instance("A", url_a, key), Instance("B", url_b, key)]
    users = [f"xc-{run}-{u}" for u in range(WRITE_USERS)]
    lock = threading.Lock()
    acked = {}          # idempotency key -> (user, text, event id)
    retries = Counter()  # why a write was sent again
    failures = []
    replayed = Counter()

    def send(k):
        user = users[k % len(users)]
        instance = instances[(k // len(users)) % 2]   # every user is written through both instances
        idem = f"conc-{run}-{k}"
        text = f"For project {k} of run {run}, I prefer the code name number {k * 7919 % 100000}."
        if k % 3 == 2:
            path, body = f"/v1/users/{user}/observations", {"turns": [{"role": "user", "content": text}]}
        else:
            path, body = f"/v1/users/{user}/statements", {"text": text}
        for _ in range(20):
            try:
                status, answer, headers = instance.call("POST", path, body, {"Idempotency-Key": idem})
            except Exception as error:
                with lock:
                    retries[f"dropped_{type(error).__name__}"] += 1
                continue
            if status == 200:
                with lock:
                    acked[idem] = (user, text, answer["events"][0]["id"])
                    if headers.get("Idempotent-Replayed") == "true":
                        replayed[instance.name] += 1
                return
            with lock:
                retries[f"{status}_{(answer or {}).get('errorCode')}"] += 1
            if status != 409:
                with lock:
                    failures.append((idem, status, answer))
                return
        with lock:
            failures.append((idem, "gave up", None))

    next_index = iter(range(total))
    index_lock = threading.Lock()

    def worker():
        while True:
            with index_lock:
                k = next(next_index, None)
            if k is None:
                return
            send(k)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    lost = duplicated = mismatches = 0
    for user in users:
        logs = [ok(inst, "GET", f"/v1/users/{user}/events") for inst in instances]
        lists = [ok(inst, "GET", f"/v1/users/{user}/preferences") for inst in instances]
        if [e["id"] for e in logs[0]] != [e["id"] for e in logs[1]] or lists[0] != lists[1]:
            mismatches += 1
        ids = Counter(e["id"] for e in logs[0])
        texts = Counter(e.get("text") for e in logs[0] if e.get("role") in (None, "user"))
        duplicated += sum(1 for c in ids.values() if c > 1) + sum(1 for c in texts.values() if c > 1)
        sequences = [e["sequence"] for e in logs[0]]
        if sequences != list(range(1, len(sequences) + 1)):
            mismatches += 1
        for (u, text, event_id) in acked.values():
            if u == user and (ids.get(event_id, 0) == 0 or texts.get(text, 0) == 0):
                lost += 1
    conflicts = sum(v for k, v in retries.items() if k.startswith("409"))
    retry_text = ",".join(f"{k}:{v}" for k, v in sorted(retries.items())) or "none"
    print(f"writes={total} acknowledged={len(acked)} failed={len(failures)} retries={sum(retries.values())} "
          f"conflicts_409={conflicts} retried_because={retry_text} replayed_on_retry={sum(replayed.values())} lost={lost} duplicated={duplicated} "
          f"instance_mismatches={mismatches}")
    for failure in failures[:5]:
        print(f"  failed: {failure}")
    return 0 if not failures and lost == 0 and duplicated == 0 and mismatches == 0 else 1


if __name__ == "__main__":
    command, url_a, url_b, key, count, run = sys.argv[1:7]
    sys.exit((probes if command == "probes" else concurrent)(url_a, url_b, key, int(count), run))
