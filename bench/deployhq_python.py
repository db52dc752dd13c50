#!/usr/bin/env python3
# The python peers of the DeployHQ paging benchmark: read every deployment of a project with requests.
#
#   DEPLOYHQ_URL=… DEPLOYHQ_EMAIL=… DEPLOYHQ_API_KEY=… python3 bench/deployhq_python.py page [PROJECT]
#       page=1, 2, … up to pagination.total_pages at the default per_page (10), one after another
#   … python3 bench/deployhq_python.py per100 [PROJECT]
#       the same loop with per_page=100
#
# Prints `count=<deployments> requests=<GETs> elapsed=<seconds>`; elapsed runs from just before the
# first request (after python's start-up and `import requests`) to the count. Both are what a script
# does today: a requests.Session with HTTP Basic and JSON headers, each page parsed, records counted.
import os
import sys
import time

import requests


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "page"
    project = sys.argv[2] if len(sys.argv) > 2 else "web"
    if mode not in ("page", "per100"):
        sys.exit(f"deployhq_python.py: mode 'page' or 'per100', not {mode!r}")
    url = os.environ["DEPLOYHQ_URL"].rstrip("/") + f"/projects/{project}/deployments"
    session = requests.Session()
    session.auth = (os.environ["DEPLOYHQ_EMAIL"], os.environ["DEPLOYHQ_API_KEY"])
    session.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
    params = {"per_page": 100} if mode == "per100" else {}
    start = time.perf_counter()
    count = requests_made = 0
    page = total_pages = 1
    while page <= total_pages:
        response = session.get(url, params={**params, "page": page})
        response.raise_for_status()
        requests_made += 1
        body = response.json()
        count += len(body["records"])
        total_pages = body["pagination"]["total_pages"]
        page += 1
    elapsed = time.perf_counter() - start
    print(f"count={count} requests={requests_made} elapsed={elapsed:.4f}")


if __name__ == "__main__":
    main()
