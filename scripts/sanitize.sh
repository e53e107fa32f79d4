#!/usr/bin/env bash
# The native C++ tests (ctest: GoogleTest, the golden CLI test) built with AddressSanitizer and
# UndefinedBehaviorSanitizer in build/asan (-O1, every finding fatal): an out-of-bounds read,
# a use after free, a leak, an overflow or any other undefined behaviour fails the test it
# happens in (exit status 86, which the golden test, expecting 1, also fails on).
#   scripts/sanitize.sh [extra ctest arguments, e.g. -R Decode]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc 2>/dev/null || echo 2)"
start=$SECONDS

cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Release -DSCRAWL_NATIVE_ARCH=OFF \
  -DSCRAWL_SANITIZE=address,undefined >/dev/null
cmake --build build/asan -j "$jobs"
built=$SECONDS

export ASAN_OPTIONS="exitcode=86:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="exitcode=86:print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
ctest --test-dir build/asan --output-on-failure -j "$jobs" "$@"
echo "sanitizers: build $((built - start)) s, tests $((SECONDS - built)) s" >&2
