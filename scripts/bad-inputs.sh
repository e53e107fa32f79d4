#!/usr/bin/env bash
# npm run bad-inputs: the bad-input corpus (tests/cpp/support/bad_inputs.h: damaged, odd, huge
# and hostile files, made by the project's code) read one by one by the CLI, each in its own
# process, with its answer, wall time and peak memory (GNU time's maximum resident set size).
# A measurement, not a test (tests/cpp/recognize/bad_input_test.cpp checks the answers): it
# prints a table and exits 1 if any file took longer than 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
if ! cmake --build build/native -j "$(nproc 2>/dev/null || echo 2)" --target scrawl scrawl_bad_inputs_writer >"$dir/build.log" 2>&1; then
  cat "$dir/build.log" >&2
  exit 1
fi
build/native/tests/cpp/scrawl_bad_inputs "$dir"
slow=0
printf '%-28s %8s %8s  %s\n' file 'time s' 'peak MB' answer
while IFS=$'\t' read -r name expect why; do
  (cd "$dir" && /usr/bin/time -o .time -f '%e %M' "$OLDPWD/build/native/scrawl" recognize "$name" >.out 2>&1) || true
  read -r secs kb < <(tail -n 1 "$dir/.time")
  answer="$(sed "s|^$name: ||" "$dir/.out" | head -n 1 | cut -c 1-80)"
  printf '%-28s %8s %8.1f  %s\n' "$name" "$secs" "$(echo "$kb / 1024" | bc -l)" "$answer"
  if (($(echo "$secs > 1" | bc -l))); then slow=1; fi
done <"$dir/expected.tsv"
exit "$slow"
