#!/usr/bin/env bash
# pg-stop.sh DIR: stops the server pg-start.sh DIR started and removes DIR.
dir=${1:?usage: pg-stop.sh DIR}
if [[ -f $dir/bin && -d $dir/data ]]; then
  as=()
  [[ $(id -u) -eq 0 ]] && as=(runuser -u postgres --)
  "${as[@]}" "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
fi
rm -rf "$dir"
