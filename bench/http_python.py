#!/usr/bin/env python3
# The python peer of the HTTP benchmark: requests.Session (keep-alive) fetching /item/N at concurrency 1 or N.
#
#   python3 bench/http_python.py --url http://127.0.0.1:PORT/item --count 1000 --concurrency 8 [--bytes 20012]
#
# Prints `elapsed=<s> rps=<requests per second>`, the line rove-httpbench fetch prints.
import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor

try:
    import requests
    from requests.adapters import HTTPAdapter
except ImportError:  # the benchmark must still run where requests is not installed
    requests = None


def make_getter(concurrency):
    """A function url -> body bytes sharing one keep-alive pool sized for `concurrency`."""
    if requests is not None:
        session = requests.Session()
        # The default pool keeps 10 connections; size it so threads never open extra ones.
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max(10, concurrency))
        session.mount("http://", adapter)

        def get(url):
            response = session.get(url)
            response.raise_for_status()
            return response.content
        return get
    import urllib3
    pool = urllib3.PoolManager(maxsize=max(10, concurrency))

    def get(url):
        response = pool.request("GET", url)
        if response.status != 200:
            raise RuntimeError(f"status {response.status}")
        return response.data
    return get


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--bytes", type=int, default=0, help="expected body length (0: any)")
    args = parser.parse_args()
    get = make_getter(args.concurrency)
    get(f"{args.url}/0")  # warm-up: opens the connection, as every peer's is

    urls = [f"{args.url}/{n}" for n in range(args.count)]
    start = time.perf_counter()
    if args.concurrency == 1:
        bodies = (get(url) for url in urls)
        for body in bodies:
            if args.bytes and len(body) != args.bytes:
                sys.exit(f"a body of {len(body)} bytes, expected {args.bytes}")
    else:
        with ThreadPoolExecutor(max_workers=args.concurrency) as executor:
            for body in executor.map(get, urls):
                if args.bytes and len(body) != args.bytes:
                    sys.exit(f"a body of {len(body)} bytes, expected {args.bytes}")
    elapsed = time.perf_counter() - start
    print(f"elapsed={elapsed:.4f} rps={args.count / elapsed:.1f}")


if __name__ == "__main__":
    main()
