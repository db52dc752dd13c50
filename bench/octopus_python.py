#!/usr/bin/env python3
# The python peers of the Octopus paging benchmark: read every task of /api/tasks with requests.
#
#   OCTOPUS_URL=… OCTOPUS_API_KEY=… python3 bench/octopus_python.py next   follow Links["Page.Next"] (default take 30)
#   OCTOPUS_URL=… OCTOPUS_API_KEY=… python3 bench/octopus_python.py all    one GET of ?skip=0&take=2147483647 (Page.All)
#
# Prints `count=<tasks> requests=<GETs> elapsed=<seconds>`; elapsed runs from just before the first
# request (after python's start-up and `import requests`) to the count. Both are what a vendor
# script does: a requests.Session with the X-Octopus-ApiKey header, JSON parsed, items counted.
import os
import sys
import time

import requests


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "next"
    base = os.environ["OCTOPUS_URL"].rstrip("/")
    session = requests.Session()
    session.headers["X-Octopus-ApiKey"] = os.environ["OCTOPUS_API_KEY"]
    start = time.perf_counter()
    count = requests_made = 0
    if mode == "next":
        url = base + "/api/tasks"
        while url:
            response = session.get(url)
            response.raise_for_status()
            requests_made += 1
            page = response.json()
            count += len(page["Items"])
            following = page["Links"].get("Page.Next")
            url = base + following if following else None
    elif mode == "all":
        response = session.get(base + "/api/tasks", params={"skip": 0, "take": 2147483647})
        response.raise_for_status()
        requests_made += 1
        count = len(response.json()["Items"])
    else:
        sys.exit(f"octopus_python.py: mode 'next' or 'all', not {mode!r}")
    elapsed = time.perf_counter() - start
    print(f"count={count} requests={requests_made} elapsed={elapsed:.4f}")


if __name__ == "__main__":
    main()
