#!/usr/bin/env bash
# The HTTP benchmark: rove-httpbench (HTTPClient over libcurl) vs curl --parallel vs python requests, on loopback.
#
#   bench/http.sh                 build rove-httpbench (release), 1,000 GETs of ~20 KB JSON at concurrency 1 and 8
#   bench/http.sh --no-build      use the rove-httpbench already in .build/release
#   COUNT=2000 RUNS=5 bench/http.sh
#   BIN=/tmp/old-httpbench bench/http.sh --no-build    another build of rove-httpbench, to compare
#
# Each peer fetches the same URLs from one loopback server in one process with keep-alive; the
# best of RUNS counts, the peers taking turns run by run. Prints a markdown table. Goals (the
# issue): at least curl's throughput at concurrency 8, at least twice python's at concurrency 1.
# Timings are reported, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000}
RUNS=${RUNS:-3}
BIN=${BIN:-.build/release/rove-httpbench}
OUT=bench-out/http
note() { printf 'bench/http: %s\n' "$*" >&2; }

[[ ${1:-} == --no-build ]] || swift build -c release --product rove-httpbench >&2
mkdir -p "$OUT"
python3 -c 'import requests' 2>/dev/null || {
  note "installing requests for the python peer"
  python3 -m pip install -q requests >&2 || note "no requests; http_python.py falls back to urllib3"
}

# The server runs until its stdin closes: a FIFO held open by this script, closed on exit.
rm -f "$OUT/serve.in"; mkfifo "$OUT/serve.in"
"$BIN" serve <"$OUT/serve.in" >"$OUT/serve.out" &
SERVER=$!
exec 3>"$OUT/serve.in"
stop() { exec 3>&- 2>/dev/null || true; kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 100); do grep -q '^BYTES=' "$OUT/serve.out" 2>/dev/null && break; sleep 0.05; done
PORT=$(sed -n 's/^PORT=//p' "$OUT/serve.out")
BYTES=$(sed -n 's/^BYTES=//p' "$OUT/serve.out")
[[ -n $PORT ]] || { note "the server did not start"; exit 1; }
URL=http://127.0.0.1:$PORT/item
note "server on port $PORT, $BYTES-byte bodies, $COUNT GETs, best of $RUNS"

# curl: one process, a config file of `url = ` / `output = ` lines, --parallel for concurrency.
for n in $(seq 0 $((COUNT - 1))); do printf 'url = "%s/%d"\noutput = "/dev/null"\n' "$URL" "$n"; done >"$OUT/curl.cfg"
curl_run() {  # $1 = concurrency; prints elapsed=… rps=… like the other peers
  local parallel=() start end
  (($1 > 1)) && parallel=(--parallel --parallel-max "$1")
  start=$(date +%s.%N)
  curl -s --no-progress-meter --fail "${parallel[@]}" -K "$OUT/curl.cfg"
  end=$(date +%s.%N)
  python3 -c "e=$end-$start; print(f'elapsed={e:.4f} rps={$COUNT/e:.1f}')"
}
rove_run() { "$BIN" fetch --url "$URL" --count "$COUNT" --concurrency "$1"; }
python_run() { python3 bench/http_python.py --url "$URL" --count "$COUNT" --concurrency "$1" --bytes "$BYTES"; }

measure() {  # $1 = peer, $2 = concurrency: one run's rps
  local rps
  rps=$("$1"_run "$2" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p')
  [[ -n $rps ]] || { note "$1 at concurrency $2 failed"; exit 1; }
  echo "$rps"
}

# The peers take turns run by run rather than each doing all its runs in a row: on a shared
# machine whose speed drifts over a minute, a slow spell then costs every peer a run, not one
# peer all of them. The highest of RUNS counts.
declare -A RPS
for c in 1 8; do
  for peer in rove curl python; do RPS[$peer$c]=0; done
  for _ in $(seq "$RUNS"); do
    for peer in rove curl python; do
      RPS[$peer$c]=$(python3 -c "print(max(${RPS[$peer$c]}, $(measure "$peer" "$c")))")
    done
  done
  for peer in rove curl python; do note "$peer c=$c: ${RPS[$peer$c]} req/s"; done
done

ratio() { python3 -c "print(f'{$1/$2:.2f}×')"; }
echo "| concurrency | rove (req/s) | curl --parallel (req/s) | python requests (req/s) | rove / curl | rove / python |"
echo "|---:|---:|---:|---:|---:|---:|"
for c in 1 8; do
  echo "| $c | ${RPS[rove$c]} | ${RPS[curl$c]} | ${RPS[python$c]} | $(ratio "${RPS[rove$c]}" "${RPS[curl$c]}") | $(ratio "${RPS[rove$c]}" "${RPS[python$c]}") |"
done
echo
echo "$COUNT GETs of a $BYTES-byte JSON body over loopback keep-alive, best of $RUNS; \`bench/http.sh\`."
