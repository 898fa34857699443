#!/usr/bin/env python3
"""Seeds USERS users with PER_USER realistic statements each over HTTP (8 threads). Usage: seed.py URL KEY USERS PER_USER"""
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor

STATEMENTS = [
    "I'm vegetarian, no meat or fish please.", "I have a peanut allergy.", "Always answer me in short bullet points.",
    "No emojis in emails to my boss.", "I prefer aisle seats when I fly.", "I live in Lyon.", "I hate cilantro.",
    "Write code examples in Python, not JavaScript.", "I like quiet restaurants with outdoor seating.",
    "Keep recipes under 30 minutes on weekdays.", "I don't drink alcohol.", "Use metric units.",
    "I prefer morning meetings, never after 4pm.", "My budget for hotels is under 150 euros a night.",
    "I love Italian and Japanese food.", "Explain things to me like I'm a beginner.", "I'm training for a marathon.",
    "I use a screen reader, so describe images.", "Please use British spelling.", "I prefer trains over planes in Europe.",
]

url, key, users, per_user = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def seed(u):
    for i in range(per_user):
        text = STATEMENTS[(u * 7 + i) % len(STATEMENTS)]
        req = urllib.request.Request(f"{url}/v1/users/user-{u}/statements", data=json.dumps({"text": text}).encode(),
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json",
                                              "Idempotency-Key": f"seed-{u}-{i}"})
        with urllib.request.urlopen(req) as r:
            assert r.status == 200

with ThreadPoolExecutor(8) as pool:
    list(pool.map(seed, range(users)))
print(f"seeded {users} users x {per_user} statements")
