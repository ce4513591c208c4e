#!/usr/bin/env python3
"""A scripted case run against two service instances, for the dashboard picture: cases in three
municipalities walked from application to a started grant, hour draws, a few refused commands,
simulated weeks passing (deadlines fall due and fire), one instance stopped at 75 % so its
segments pass to the other, and then a projection replay. Usage: load.py PORT_A PORT_B SECONDS PID_B"""
import json, os, random, signal, sys, time, urllib.request, urllib.error

port_a, port_b, seconds, pid_b = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
nodes = [f"http://localhost:{port_a}", f"http://localhost:{port_b}"]
MUNICIPALITIES = ["lejre", "aabenraa", "gladsaxe"]
# The service for cooking training in each municipality's catalogue (Gladsaxe names its own services).
COOKING = {"lejre": "MADLAVNING", "aabenraa": "MADLAVNING", "gladsaxe": "GLX-COOKING"}
random.seed(13)


def token(user):
    """A built-in user's token from instance a's POST /dev/token; both instances share the signing key."""
    req = urllib.request.Request(nodes[0] + "/dev/token", data=json.dumps({"user": user}).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)["access_token"]


STATUSES = {}
TOKENS = {u: token(u) for u in ["caseworker-lejre", "caseworker-aabenraa", "caseworker-gladsaxe", "admin"]}


def call(base, method, path, body=None, user="caseworker-lejre"):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Content-Type": "application/json", "Authorization": "Bearer " + TOKENS[user]})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            text = r.read()
            STATUSES[f"{method} {path.split('/')[1]} {r.status}"] = STATUSES.get(f"{method} {path.split('/')[1]} {r.status}", 0) + 1
            return r.status, (json.loads(text) if text and r.headers.get_content_type().endswith("json") else None)
    except urllib.error.HTTPError as e:
        key = f"{method} {path.split('/')[1]} {e.code}"
        STATUSES[key] = STATUSES.get(key, 0) + 1
        if STATUSES[key] == 1 and e.code >= 400:
            print(f"first {key}: {e.read()[:300]!r}", flush=True)
        return e.code, None
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, None


def cpr(i):
    return f"{(i % 28) + 1:02d}0190-{1000 + i:04d}"


def case(i, alive):
    base = random.choice(alive)
    m = MUNICIPALITIES[i % 3]
    user = "caseworker-" + m
    s, r = call(base, "POST", "/applications", {"citizen": {"cpr": cpr(i), "name": "Test Borger"}, "municipality": m,
                "paragraph": "SEL85", "services": [{"code": COOKING[m], "description": "Træning", "themes": ["PRACTICAL_TASKS"]}],
                "source": {"channel": "PARTNER", "partner": "psykiatrien"}, "team": "team-nord"}, user)
    if s != 201 or i % 4 == 0:
        return  # a quarter of the cases wait: their case-processing deadline falls due later
    app = r["id"]
    s, r = call(random.choice(alive), "POST", f"/applications/{app}/assessments", {}, user)
    if s != 201:
        return
    call(random.choice(alive), "POST", f"/assessments/{r['id']}/completion", {"scores": {"PRACTICAL_TASKS": 2, "HEALTH": "NOT_ASSESSED"},
         "evidence": [{"source": "DOCTOR", "description": "statement from GP", "consentGiven": True}], "madeWithCitizen": True}, user)
    if i % 7 == 0:  # a refused decision (unknown service): counted as an outcome, stores nothing
        call(random.choice(alive), "POST", f"/applications/{app}/decision", {"outcomes": [{"serviceCode": "NOPE", "outcome": "GRANTED", "terms": {"goals": ["x"]}}]}, user)
    call(random.choice(alive), "POST", f"/applications/{app}/decision", {"outcomes": [{"serviceCode": COOKING[m], "outcome": "GRANTED",
         "terms": {"description": "Træning", "hoursPerWeek": 2, "form": "GROUP", "goals": ["laver mad"], "lessIntrusiveConsidered": ["værested"]}}],
         "content": {"legalRules": "Serviceloven § 85", "discretion": "trainable need", "facts": "VUM",
                     "complaintGuidance": {"where": "kommunen", "how": "skriftligt"}}}, user)


start = time.time()
i, stopped, replayed, weeks = 0, False, False, 0
while time.time() - start < seconds:
    elapsed = time.time() - start
    alive = nodes[:1] if stopped else nodes
    case(i, alive)
    i += 1
    if i % 10 == 0:  # two simulated weeks pass on both instances: deadlines fall due, the scheduler fires them
        weeks += 2
        for n in alive:
            call(n, "POST", "/simulation/clock/advance", {"by": "P2W"}, "admin")
    if not replayed and stopped and elapsed > seconds * 0.85:
        # A replay needs the projection's segments on one instance: run it once instance b has gone.
        replayed = True
        status, _ = call(nodes[0], "POST", "/admin/replays/audit", {}, "admin")
        print(f"audit replay requested: {status}", flush=True)
    if not stopped and elapsed > seconds * 0.75:
        stopped = True
        os.kill(pid_b, signal.SIGTERM)
        print(f"stopped instance b (pid {pid_b}) after {elapsed:.0f} s", flush=True)
    time.sleep(0.05)
print(f"{i} cases, {weeks} simulated weeks in {time.time() - start:.0f} s; answers: {dict(sorted(STATUSES.items()))}", flush=True)
