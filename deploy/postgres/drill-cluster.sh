#!/usr/bin/env bash
# 晶贸通 · a pg_auto_failover formation on ONE machine for the failover drill (make failover-drill):
# monitor + two PostgreSQL 15 nodes on their own ports and data directories, synchronous replication.
#
#   deploy/postgres/drill-cluster.sh up | down | state | kill-primary
#
# Environment: DRILL_DIR (/tmp/jmt-failover), DRILL_PORT (55432: monitor; +1, +2: the nodes).
# The same commands, one per machine, set up production: docs/服务器操作手册.md §6.
set -euo pipefail
DIR="${DRILL_DIR:-/tmp/jmt-failover}"
PORT="${DRILL_PORT:-55432}"
PGBIN=/usr/lib/postgresql/15/bin
AS=(runuser -u postgres -- env "XDG_CONFIG_HOME=$DIR/xdg/config" "XDG_DATA_HOME=$DIR/xdg/data" "XDG_RUNTIME_DIR=$DIR/xdg/run" "PATH=$PGBIN:$PATH")
MONITOR="postgres://autoctl_node@127.0.0.1:$PORT/pg_auto_failover?sslmode=disable"

autoctl() { "${AS[@]}" pg_autoctl "$@"; }

run_node() {  # start `pg_autoctl run` for a data directory in its own session (so a kill can take the whole node)
  local name="$1"
  "${AS[@]}" setsid pg_autoctl run --pgdata "$DIR/$name" >"$DIR/$name.log" 2>&1 &
}

wait_for() {  # wait_for "description" command...
  local what="$1"; shift
  for _ in $(seq 1 240); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "timed out waiting for $what" >&2; autoctl show state --monitor "$MONITOR" >&2 || true; exit 1
}

node_state() { autoctl show state --monitor "$MONITOR" --json | python3 -c "
import json,sys; print(' '.join(sorted(n['nodename']+'='+n['current_group_state'] for n in json.load(sys.stdin))))"; }

case "${1:-}" in
  up)
    "$(dirname "$0")/../ensure-packages.sh" postgresql-15 postgresql-15-auto-failover pg-auto-failover-cli
    rm -rf "$DIR"; install -d -o postgres -g postgres "$DIR" "$DIR/xdg" "$DIR/xdg/config" "$DIR/xdg/data" "$DIR/xdg/run"
    autoctl create monitor --pgdata "$DIR/monitor" --pgport "$PORT" --hostname 127.0.0.1 --auth trust --no-ssl \
      --pgctl "$PGBIN/pg_ctl" >"$DIR/create-monitor.log" 2>&1
    # Fast detection for the drill (defaults: 5 s checks, 20 s unhealthy, 30 s demote timeout); see the manual §6.
    cat >>"$DIR/monitor/postgresql.auto.conf" <<CONF
pgautofailover.health_check_period = 1000
pgautofailover.health_check_timeout = 1000
pgautofailover.health_check_max_retries = 1
pgautofailover.health_check_retry_delay = 500
pgautofailover.node_considered_unhealthy_timeout = 4000
pgautofailover.primary_demote_timeout = 4000
CONF
    run_node monitor
    wait_for "monitor" "${AS[@]}" psql -h 127.0.0.1 -p "$PORT" -U autoctl_node -d pg_auto_failover -c "select 1"
    for i in 1 2; do
      autoctl create postgres --pgdata "$DIR/node$i" --pgport $((PORT + i)) --hostname 127.0.0.1 --name "node$i" \
        --dbname jmt --monitor "$MONITOR" --auth trust --no-ssl --pgctl "$PGBIN/pg_ctl" >"$DIR/create-node$i.log" 2>&1
      if [ "$i" = 1 ]; then
        # The application's role and connections from this host (both nodes: the standby copies this file).
        echo "host all all 127.0.0.1/32 trust" >>"$DIR/node1/pg_hba.conf"
      fi
      run_node "node$i"
      if [ "$i" = 1 ]; then wait_for "node1 primary" sh -c "$0 state | grep -q 'node1=single'"; fi
    done
    wait_for "primary + secondary" sh -c "$0 state | grep -Eq 'node1=primary node2=secondary|node1=secondary node2=primary'"
    "${AS[@]}" psql -h 127.0.0.1 -p $((PORT + 1)) -d jmt -c "select pg_reload_conf()" >/dev/null
    "${AS[@]}" psql -h 127.0.0.1 -p $((PORT + 1)) -d postgres -Atc "show synchronous_standby_names"
    ;;
  state)
    node_state
    ;;
  events)
    autoctl show events --monitor "$MONITOR" --count 40
    ;;
  primary)  # the name of the node the monitor wants as primary
    autoctl show state --monitor "$MONITOR" --json | python3 -c "
import json,sys; print(next(n['nodename'] for n in json.load(sys.stdin) if n['assigned_group_state'] in ('primary','single','wait_primary')))"
    ;;
  kill-primary)  # kill -9 the whole primary node: its pg_autoctl session and every postgres process
    name="$("$0" primary)"
    pgid="$(ps -eo pid,pgid,args | awk -v d="$DIR/$name" '$1 == $2 && $3 == "pg_autoctl" && $0 ~ "pg_autoctl run --pgdata "d"$" {print $2; exit}')"
    postmaster="$(head -1 "$DIR/$name/postmaster.pid")"
    [ -n "$pgid" ] && kill -9 -- "-$pgid" 2>/dev/null
    pkill -9 -P "$postmaster" 2>/dev/null || true
    kill -9 "$postmaster" 2>/dev/null || true
    echo "$name"
    ;;
  down)
    for name in node1 node2 monitor; do
      pgid="$(ps -eo pid,pgid,args | awk -v d="$DIR/$name" '$1 == $2 && $3 == "pg_autoctl" && $0 ~ "pg_autoctl run --pgdata "d"$" {print $2; exit}')"
      if [ -n "$pgid" ]; then kill -TERM -- "-$pgid" 2>/dev/null || true; fi
    done
    sleep 3
    for name in node1 node2 monitor; do
      if [ -f "$DIR/$name/postmaster.pid" ]; then
        "${AS[@]}" pg_ctl -D "$DIR/$name" stop -m immediate >/dev/null 2>&1 || true
      fi
    done
    ;;
  *)
    echo "usage: $0 up|down|state|events|primary|kill-primary" >&2; exit 2 ;;
esac
