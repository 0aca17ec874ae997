#!/usr/bin/env bash
# The case list at real scale (docs/benchmarks.md, "Case list queries"): every documented filter, alone, with each
# sort, against a running platform holding the demo city; the baseline is GET /api/v1/me in the same run (the
# cost of a request that reads nothing). Not part of `mvn verify`.
#   platform/scripts/bench-case-list.sh [base-url] [rounds]      (default http://127.0.0.1:8080, 3 rounds)
# The platform must hold the demo city (./dev demo, or PlatformMain serve --data <a copy> --demo).
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
rounds=${2:-3}
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"leader","password":"tongguan"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
auth=(-H "Authorization: Bearer $token")
# One real value of each code, read from the city itself (so the filters match something), and values that match nothing.
first=$(curl -sf "${auth[@]}" "$base/api/v1/cases?limit=1&state=handling")
val() { printf '%s' "$first" | sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/"; }
filters=("" "state=handling" "state=reported,accepted,filed" "source=hotline_12345" "source=wechat_nothing"
  "kind=event" "bigCode=$(val bigCode)" "smallCode=$(val smallCode)" "smallCode=99999"
  "districtCode=$(val districtCode)" "streetCode=$(val streetCode)" "communityCode=$(val communityCode)"
  "communityCode=000000000000" "gridCode=$(val gridCode)" "departmentCode=$(val departmentCode)"
  "light=red" "light=yellow" "overdue=true" "open=true" "q=$(printf '%s' '井盖' | od -An -tx1 | tr ' ' % | tr -d '\n')"
  "q=zzzz-nothing" "q=$(printf '%s' '人民路南一支路210号' | od -An -tx1 | tr ' ' % | tr -d '\n')"
  "q=$(printf '%s' '南一支路210' | od -An -tx1 | tr ' ' % | tr -d '\n')" "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z")
sorts=("-reportedAt" "reportedAt" "deadline" "-updatedAt")
time_of() { curl -s -o /dev/null -w '%{time_total}' --max-time 60 "${auth[@]}" "$1"; }
p99() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99+0.999); if (i<1) i=1; printf "%.0f", a[i]*1000}'; }
base_ms=$(for _ in $(seq 1 20); do time_of "$base/api/v1/me"; echo; done | p99)
echo "baseline GET /api/v1/me p99: ${base_ms} ms"
echo "| filter | $(printf '%s | ' "${sorts[@]}")"
echo "|---|$(printf -- '---|%.0s' "${sorts[@]}")"
worst=0
for f in "${filters[@]}"; do
  row="| ${f:-(none)} |"
  for s in "${sorts[@]}"; do
    url="$base/api/v1/cases?limit=50&sort=$s${f:+&$f}"
    ms=$(for _ in $(seq 1 "$rounds"); do time_of "$url"; echo; done | p99)
    [ "$ms" -gt "$worst" ] && worst=$ms
    row="$row $ms |"
  done
  echo "$row"
done
echo "worst p99: ${worst} ms = $(awk -v w="$worst" -v b="$base_ms" 'BEGIN {printf "%.0f", w / (b > 0 ? b : 1)}')× the baseline"
