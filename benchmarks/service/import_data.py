#!/usr/bin/env python3
"""Synthetic data and verification for import.sh (standard library only).

  import_data.py generate FILE SIGNALS USERS SEED   writes JSON Lines of SIGNALS signals across USERS users
  import_data.py verify FILE DB TENANT               compares the events per user in the SQLite file with the upload
  import_data.py verify-counts FILE COUNTS IDS       the same from tab-separated "user count" rows and one "events distinct_ids" row
"""
import json
import random
import sqlite3
import sys
from collections import Counter

SUBJECTS = ["reports", "emails", "recipes", "travel plans", "workouts", "code reviews", "lesson plans", "budgets",
            "meeting notes", "gift ideas", "playlists", "garden tasks", "reading lists", "invoices", "slides"]
STYLES = ["short", "detailed", "formal", "casual", "bulleted", "numbered", "plain", "friendly", "precise", "visual"]
CONTEXTS = ["Summarise the week", "Plan the weekend", "Draft a reply", "Explain the result", "Suggest a next step",
            "Compare two options", "Outline the project", "Write a reminder", "Describe the change", "List the risks"]


def generate(path, signals, users, seed):
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(signals):
            user = f"user-{i % users:04d}"
            n = i // users
            roll = rnd.random()
            subject, style = rnd.choice(SUBJECTS), rnd.choice(STYLES)
            context = f"{rnd.choice(CONTEXTS)} (item {i})"
            if roll < 0.2:
                line = {"user": user, "kind": "statement", "text": f"I like my {subject} {style}, number {n} of my notes."}
            elif roll < 0.6:
                line = {"user": user, "kind": "rating", "context": context, "response": f"A {style} answer about {subject}.",
                        "score": rnd.randint(1, 5)}
            elif roll < 0.8:
                line = {"user": user, "kind": "choice", "context": context,
                        "candidates": [f"{style} {subject}", f"{rnd.choice(STYLES)} {subject}"], "chosen": rnd.randint(0, 1)}
            else:
                line = {"user": user, "kind": "comparison", "context": context, "preferred": f"A {style} version.",
                        "rejected": f"A {rnd.choice(STYLES)} version.", "key": f"cmp-{i}"}
            out.write(json.dumps(line) + "\n")


def expected_counts(path):
    expected = Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                expected[json.loads(line)["user"]] += 1
    return expected


def compare(expected, actual, ids):
    lost = sum(max(0, expected[u] - actual[u]) for u in expected)
    duplicated = sum(max(0, actual[u] - expected[u]) for u in actual)
    print(f"verify: users={len(expected)} expected={sum(expected.values())} stored={sum(actual.values())} "
          f"lost={lost} duplicated={duplicated} distinct_event_ids={ids[1]}")
    return 0 if lost == 0 and duplicated == 0 and ids[0] == ids[1] else 1


def verify(path, db, tenant):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    actual = Counter(dict(con.execute("SELECT user, count(*) FROM events WHERE tenant = ? GROUP BY user", (tenant,))))
    ids = con.execute("SELECT count(*), count(DISTINCT id) FROM events WHERE tenant = ?", (tenant,)).fetchone()
    return compare(expected_counts(path), actual, ids)


def verify_counts(path, counts, ids):
    with open(counts, encoding="utf-8") as f:
        actual = Counter({user: int(n) for user, n in (line.rstrip("\n").split("\t") for line in f if line.strip())})
    with open(ids, encoding="utf-8") as f:
        total, distinct = (int(x) for x in f.read().split())
    return compare(expected_counts(path), actual, (total, distinct))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif sys.argv[1] == "verify":
        sys.exit(verify(sys.argv[2], sys.argv[3], sys.argv[4]))
    elif sys.argv[1] == "verify-counts":
        sys.exit(verify_counts(sys.argv[2], sys.argv[3], sys.argv[4]))
    else:
        sys.exit("usage: import_data.py generate FILE SIGNALS USERS SEED | verify FILE DB TENANT | verify-counts FILE COUNTS IDS")
