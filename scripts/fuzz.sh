#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz) built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in build/fuzz:
#   read        file bytes -> decode -> the whole reading (Recognizer::read)
#   read_rgba   width, height, RGBA pixels -> the whole reading (Recognizer::read(rgba, w, h))
#   weights     a weights file -> parse_model, Recognizer::from_weights, one digit read
# The reading targets use a small random model (tests/fuzz/fuzz_model.h; SCRAWL_FUZZ_REAL_MODEL=1
# for the compiled-in one), and the decoder refuses images over 65,536 pixels in this build.
#
#   scripts/fuzz.sh [--seconds N] [--smoke]
# N seconds in all (default 60), split evenly across the targets. Seeds are written by the
# project's own encoders (build/fuzz/seeds); what the fuzzers add is kept in build/fuzz/corpus;
# a crash, leak, undefined behaviour, timeout (10 s) or allocation over 2 GB is written to
# build/fuzz/findings/TARGET (cleared when that target runs again) and fails the run.
# --smoke (what `npm test` runs) skips, saying so, when clang or its libFuzzer runtime is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
smoke=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    --smoke) smoke=1; shift ;;
    *) echo "usage: scripts/fuzz.sh [--seconds N] [--smoke]" >&2; exit 2 ;;
  esac
done
targets=(read read_rgba weights)

clang="$(command -v clang++ || true)"
if [ -z "$clang" ] || ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' |
    "$clang" -x c++ -fsanitize=fuzzer,address,undefined -o /dev/null - 2>/dev/null; then
  msg="clang++ with its libFuzzer runtime is not installed (Debian: apt-get install clang libclang-rt-dev)"
  if [ "$smoke" = 1 ]; then echo "fuzz smoke skipped: $msg" >&2; exit 0; fi
  echo "fuzz: $msg" >&2; exit 1
fi

jobs="$(nproc 2>/dev/null || echo 2)"
start=$SECONDS
cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$clang" -DSCRAWL_NATIVE_ARCH=OFF \
  -DSCRAWL_SANITIZE=fuzzer-no-link,address,undefined -DSCRAWL_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build/fuzz -j "$jobs" --target scrawl_fuzz_seeds "${targets[@]/#/scrawl_fuzz_}"
built=$SECONDS

out=build/fuzz/fuzz
rm -rf build/fuzz/seeds build/fuzz/logs
mkdir -p build/fuzz/logs build/fuzz/findings
"$out/scrawl_fuzz_seeds" . build/fuzz/seeds >/dev/null

per=$(( seconds / ${#targets[@]} ))
[ "$per" -ge 1 ] || per=1
declare -A max_len=([read]=16384 [read_rgba]=32768 [weights]=200000)
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
found=0
summary=()
for t in "${targets[@]}"; do
  rm -rf "build/fuzz/findings/$t"  # a finding is this run's
  mkdir -p "build/fuzz/corpus/$t" "build/fuzz/findings/$t"
  log="build/fuzz/logs/$t.log"
  rc=0
  "$out/scrawl_fuzz_$t" "build/fuzz/corpus/$t" "build/fuzz/seeds/$t" -max_total_time="$per" \
    -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/findings/$t/" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(ls "build/fuzz/corpus/$t" | wc -l)
  if [ "$rc" -ne 0 ] || [ -n "$(ls -A "build/fuzz/findings/$t")" ]; then
    found=1
    result="FOUND (exit $rc): $(grep -m1 -E 'ERROR|runtime error|SUMMARY|Test unit written' "$log" || echo see "$log") -> build/fuzz/findings/$t/"
    tail -40 "$log" >&2
  else
    result="nothing found"
  fi
  summary+=("$(printf '%-10s %4s s  %9s executions  %6s exec/s  corpus %5s  %s' "$t" "$per" "${execs:-?}" "${rate:-?}" "$corpus" "$result")")
done
echo "fuzz: build $((built - start)) s, fuzzing $((SECONDS - built)) s (logs in build/fuzz/logs)"
printf '%s\n' "${summary[@]}"
exit "$found"
