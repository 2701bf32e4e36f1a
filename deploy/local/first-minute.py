#!/usr/bin/env python3
"""The newcomer's first minute: add a repository to a running GitInsight, analyze it with a progress bar,
and print its headline metrics, insights and the URLs to explore.

    deploy/local/first-minute.py                 # this project's own git history (a local clone)
    deploy/local/first-minute.py owner/name      # a GitHub repository: needs GITHUB_TOKEN and a network
    deploy/local/first-minute.py /path/to/repo   # any local git repository (or a file:// or https:// clone URL)

deploy/local/up.sh runs it once the platform is up. It signs in as the local platform's operator through
auth-service's internal endpoint (the internal service token; GITINSIGHT_LOCAL_OPERATOR=true, which only
up.sh's local profile sets), then speaks to the gateway like any client.

Settings (environment): GATEWAY_URL (http://localhost:8080), AUTH_URL (http://localhost:8001),
INTERNAL_SERVICE_TOKEN (else read from RUN_DIR/internal-service.token), RUN_DIR (<project>/.run: where
the operator's access token is written, as operator.token), FIRST_MINUTE_TIMEOUT (600 seconds).
Only the Python standard library is used. Exit status: 0 analyzed, 1 the platform refused or the
analysis failed, 2 bad usage.
"""

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GATEWAY = os.environ.get("GATEWAY_URL", "http://localhost:8080").rstrip("/")
API = GATEWAY + "/api/v1"
AUTH = os.environ.get("AUTH_URL", "http://localhost:8001").rstrip("/")
RUN_DIR = os.environ.get("RUN_DIR", os.path.join(ROOT, ".run"))
TIMEOUT = float(os.environ.get("FIRST_MINUTE_TIMEOUT", "600"))
GITHUB_NAME = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
TTY = sys.stdout.isatty()


class Refused(Exception):
    """The platform answered with an error body (CONTRACT §2) or not at all."""

    def __init__(self, status, code, message):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message
        self.details = {}


def call(method, url, body=None, token=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            error = json.loads(raw)["error"]
        except (ValueError, KeyError, TypeError):
            raise Refused(e.code, "HTTP", raw.decode(errors="replace")[:200] or e.reason) from None
        refused = Refused(e.code, error.get("code"), error.get("message"))
        refused.details = error.get("details") or {}
        raise refused from None
    except (urllib.error.URLError, OSError) as e:
        raise Refused(0, "UNREACHABLE", f"{url}: {getattr(e, 'reason', e)}") from None


def internal_token():
    token = os.environ.get("INTERNAL_SERVICE_TOKEN")
    if token:
        return token
    path = os.path.join(RUN_DIR, "internal-service.token")
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        sys.exit(f"error: no INTERNAL_SERVICE_TOKEN and no {path}: start the platform with deploy/local/up.sh")


def sign_in():
    try:
        session = call("POST", AUTH + "/internal/local-operator/session",
                       headers={"X-Internal-Token": internal_token()})
    except Refused as e:
        if e.status == 404:
            sys.exit("error: auth-service has no local operator: it runs without GITINSIGHT_LOCAL_OPERATOR=true "
                     "(deploy/local/up.sh sets it)")
        raise
    os.makedirs(RUN_DIR, exist_ok=True)
    path = os.path.join(RUN_DIR, "operator.token")
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(session["access_token"] + "\n")
    return session["access_token"], path


def usage_error(message):
    print("error: " + message, file=sys.stderr)
    sys.exit(2)


def what_to_add(argument):
    """The POST /repositories body for the command line's repository."""
    if argument is None:
        top = subprocess.run(["git", "-C", ROOT, "rev-parse", "--show-toplevel"], capture_output=True, text=True)
        if top.returncode != 0:
            usage_error(f"{ROOT} is not a git clone; name a repository: first-minute.py owner/name or a path")
        return {"clone_url": "file://" + top.stdout.strip()}, "this project's own history"
    if os.path.isdir(argument):
        return {"clone_url": "file://" + os.path.abspath(argument)}, argument
    if argument.startswith(("file://", "https://", "http://")):
        return {"clone_url": argument}, argument
    if GITHUB_NAME.match(argument):
        if not os.environ.get("GITHUB_TOKEN"):
            usage_error(f"analyzing {argument} from GitHub needs GITHUB_TOKEN (and a network) in the "
                        "environment the platform was started with")
        return {"full_name": argument}, "github.com/" + argument
    usage_error(f"{argument!r} is neither owner/name, a git repository's path, nor a clone URL")


def add(body, token):
    try:
        return call("POST", API + "/repositories", body, token)
    except Refused as e:
        if e.code == "CONFLICT" and e.details.get("id"):
            return call("GET", API + "/repositories/" + e.details["id"], token=token)
        raise


def analyze(repository, token):
    try:
        return call("POST", f"{API}/repositories/{repository['id']}/analyze", token=token)
    except Refused as e:
        if e.code == "ANALYSIS_IN_PROGRESS" and e.details.get("job_id"):
            return call("GET", API + "/jobs/" + e.details["job_id"], token=token)
        raise


def bar(job, started):
    progress = max(0, min(100, int(job.get("progress") or 0)))
    filled = progress * 30 // 100
    items = ""
    if job.get("items_total"):
        items = f"  {job.get('items_processed') or 0:,}/{job['items_total']:,}"
    return (f"  [{'#' * filled}{'.' * (30 - filled)}] {progress:3d}%  {job.get('stage') or job['status']:<12}"
            f"{items}  {time.monotonic() - started:5.1f}s")


def follow(job, token):
    """Polls the job until it ends, drawing the bar in place on a terminal, a line per change otherwise."""
    started = time.monotonic()
    last = None
    while True:
        line = bar(job, started)
        shown = (job["status"], job.get("stage"), int(job.get("progress") or 0) // 10)
        if TTY:
            print("\r" + line, end="", flush=True)
        elif shown != last:
            print(line, flush=True)
        last = shown
        if job["status"] in ("completed", "failed"):
            if TTY:
                print()
            return job, time.monotonic() - started
        if time.monotonic() - started > TIMEOUT:
            print()
            sys.exit(f"error: the analysis did not end within {TIMEOUT:.0f} s (job {job['id']}); "
                     f"follow it at {API}/jobs/{job['id']}")
        time.sleep(0.4)
        job = call("GET", API + "/jobs/" + job["id"], token=token)


def number(value, digits=0):
    if value is None:
        return "n/a"
    if isinstance(value, float) and digits:
        return f"{value:,.{digits}f}"
    return f"{round(value):,}" if isinstance(value, (int, float)) else str(value)


def unit(value, suffix, digits=1):
    return "n/a" if value is None else f"{number(value, digits)} {suffix}"


def headline(repository, token):
    rid = repository["id"]
    everything = call("GET", f"{API}/repositories/{rid}/metrics?window=all", token=token)
    recent = call("GET", f"{API}/repositories/{rid}/metrics?window=90d", token=token)
    contributors = call("GET", f"{API}/repositories/{rid}/contributors", token=token) or []
    insights = call("GET", f"{API}/repositories/{rid}/insights?page_size=10", token=token)["data"]

    languages = sorted((everything.get("loc_by_language") or {}).items(), key=lambda kv: -kv[1])
    language_text = " · ".join(f"{name} {lines:,}" for name, lines in languages[:4])
    pulls = everything.get("pull_requests") or {}
    dora = everything.get("dora") or {}
    print()
    print(f"{repository['full_name']}, the whole history:")
    print(f"  commits        {number(everything.get('commit_count')):>10}   active days   {number(everything.get('active_days'))}")
    print(f"  lines of code  {number(everything.get('loc')):>10}   {language_text}")
    print(f"  churn          {number(everything.get('code_churn')):>10}   +{number(everything.get('additions'))}"
          f" / -{number(everything.get('deletions'))} lines")
    print(f"  contributors   {number(everything.get('contributors')):>10}   bus factor    {number(everything.get('bus_factor'))}")
    print(f"  time spent     {number((everything.get('time_spent_minutes') or 0) / 60):>10} h (estimated from commit sessions)")
    print(f"  pull requests  {number(pulls.get('opened')):>10}   merged {number(pulls.get('merged'))}, median cycle "
          f"time {unit(pulls.get('median_cycle_time_hours'), 'h')}")
    print(f"  DORA           deploys/week {number(dora.get('deployment_frequency_per_week'), 2)}, lead time "
          f"{unit(dora.get('lead_time_hours'), 'h')}, change failure rate {number(dora.get('change_failure_rate'), 2)}")
    print(f"  last 90 days   {number(recent.get('commit_count'))} commits, churn {number(recent.get('code_churn'))}, "
          f"contributors {number(recent.get('contributors'))}")
    if contributors:
        top = ", ".join(f"{c['login']} {c.get('commits', 0):,} commits ({(c.get('share') or 0) * 100:.0f}%)"
                        for c in contributors[:3])
        print(f"  most commits   {top}")
    print()
    if insights:
        print(f"Insights ({len(insights)}):")
        for insight in insights:
            print(f"  - [{insight['type']}] {insight['title']}")
            if insight.get("description"):
                print(f"      {insight['description']}")
    else:
        print("Insights: none yet (they need more history or activity than this repository has)")


def explore(repository, token_path):
    rid = repository["id"]
    stream = GATEWAY.replace("http", "ws", 1) + f"/api/v1/stream/repository/{rid}/updates"
    print()
    print("Explore:")
    rows = [
        ("metrics", f"{API}/repositories/{rid}/metrics?window=all"),
        ("insights", f"{API}/repositories/{rid}/insights"),
        ("trends", f"{API}/repositories/{rid}/trends?metric=commits&interval=week"),
        ("contributors", f"{API}/repositories/{rid}/contributors"),
        ("pull requests", f"{API}/repositories/{rid}/pulls"),
        ("summary", f"{API}/fast/repositories/{rid}/summary"),
        ("all repositories", f"{API}/metrics/overview"),
        ("live updates", stream),
        ("API description", f"{API}/openapi.json"),
    ]
    for name, url in rows:
        print(f"  {name:<17}{url}")
    print(f"  {'token':<17}{token_path} (the local operator, an admin, for 15 minutes; reads need none)")
    print(f"  {'e.g.':<17}curl -H \"Authorization: Bearer $(cat {token_path})\" {API}/repositories/{rid}/insights")


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 2 if len(argv) > 2 else 0
    body, label = what_to_add(argv[1] if len(argv) == 2 else None)
    try:
        token, token_path = sign_in()
        repository = add(body, token)
        print(f"Analyzing {repository['full_name']} ({label}) on {API}")
        job, seconds = follow(analyze(repository, token), token)
        if job["status"] == "failed":
            print(f"error: the analysis failed: {job.get('error_message')}", file=sys.stderr)
            return 1
        print(f"  analyzed in {seconds:.1f} s (job {job['id']})")
        headline(repository, token)
        explore(repository, token_path)
        return 0
    except Refused as e:
        print(f"\nerror: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
