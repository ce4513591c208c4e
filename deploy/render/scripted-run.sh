#!/usr/bin/env bash
# Two instances of the packaged service on one embedded PostgreSQL, scraped by a real Prometheus
# (the Debian package) with deploy/prometheus/alerts.yml, driven by load.py; then the dashboard is
# rendered from what Prometheus recorded. Needs: the jar (mvn -B -q -DskipTests package),
# prometheus on PATH, node with `npm install` done in this directory.
#   deploy/render/scripted-run.sh [seconds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-300}"
work="$(mktemp -d)"
jar="$work/grant-api.jar"
cp "$root/grant-api/target/grant-api.jar" "$jar"
pa=18081; pb=18082; pg=15432; pp=19090; pk=19092
cleanup() { for p in ${pids:-}; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
pids=""

cat > "$work/prometheus.yml" <<YML
global: {scrape_interval: 2s, evaluation_interval: 2s}
rule_files: ["$root/deploy/prometheus/alerts.yml"]
scrape_configs:
  - job_name: grant-api
    metrics_path: /actuator/prometheus
    basic_auth: {username: prometheus, password: local-only-scrape-password}
    static_configs: [{targets: ["localhost:$pa", "localhost:$pb"]}]
YML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" --web.listen-address="127.0.0.1:$pp" \
  > "$work/prometheus.log" 2>&1 &
pids="$pids $!"

# Both instances share one database, so they share the local mode's signing key (a token from either
# is valid on both), and the same master key and pseudonym secret (development values from compose.yaml).
export GRANTS_MASTER_KEY="$(sed -n "s/.*GRANTS_MASTER_KEY: '\(.*\)'$/\1/p" "$root/deploy/compose.yaml")"
export GRANTS_PSEUDONYM_SECRET=local-only-pseudonym-secret-0001
export GRANTS_METRICS_SCRAPE_USERNAME=prometheus GRANTS_METRICS_SCRAPE_PASSWORD=local-only-scrape-password
common=(--grants.simulation.enabled=true --grants.simulation.start=2026-03-02T08:00:00Z --grants.metrics.refresh=PT2S)
# Instance a: the README's local mode (embedded PostgreSQL, embedded KRaft broker); b uses a's database and broker.
java -Xmx512m -jar "$jar" --server.port=$pa --grants.embedded-postgres.data-directory="$work/pgdata" \
  --grants.embedded-postgres.port=$pg --grants.kafka.embedded.port=$pk "${common[@]}" > "$work/a.log" 2>&1 &
pa_pid=$!; pids="$pids $pa_pid"
until curl -sf "localhost:$pa/actuator/health/readiness" > /dev/null; do sleep 1; done
java -Xmx512m -jar "$jar" --server.port=$pb --spring.datasource.url="jdbc:postgresql://localhost:$pg/postgres" \
  --spring.datasource.username=postgres --spring.datasource.password="$(cat "$work/pgdata/grants-db-password")" \
  --grants.kafka.bootstrap-servers=localhost:$pk "${common[@]}" > "$work/b.log" 2>&1 &
pb_pid=$!; pids="$pids $pb_pid"
until curl -sf "localhost:$pb/actuator/health/readiness" > /dev/null; do sleep 1; done

from=$(date +%s)
python3 "$here/load.py" $pa $pb "$seconds" $pb_pid
sleep 20
to=$(date +%s)
echo "window: $from $to"
python3 - "$pp" <<'PY'
import json, sys, urllib.parse, urllib.request
pp = sys.argv[1]
def q(expr):
    url = f"http://127.0.0.1:{pp}/api/v1/query?query=" + urllib.parse.quote(expr)
    return json.load(urllib.request.urlopen(url))["data"]["result"]
for r in q('max by (instance) (max_over_time(sum by (instance) (jvm_memory_used_bytes{area="heap"})[30m:5s]))'):
    print(f"  peak heap {r['metric']['instance']}: {float(r['value'][1]) / 1048576:.0f} MiB")
for r in q('max by (instance) (max_over_time(sum by (instance) (jvm_memory_used_bytes{area="nonheap"})[30m:5s]))'):
    print(f"  peak non-heap {r['metric']['instance']}: {float(r['value'][1]) / 1048576:.0f} MiB")
print("  alerts:", sorted({a["labels"]["alertname"] + ":" + a["state"]
                           for a in json.load(urllib.request.urlopen(f"http://127.0.0.1:{pp}/api/v1/alerts"))["data"]["alerts"]}))
PY
ps -o rss= -p $pa_pid | awk '{printf "  RSS of instance a: %.0f MiB\n", $1/1024}'
node "$here/render.mjs" --prometheus "http://127.0.0.1:$pp" --from "$from" --to "$to" --out "$root/docs/dashboard.png"
