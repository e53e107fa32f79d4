#!/usr/bin/env bash
# Times Scrawl's engine beside ONNX Runtime Web and TF.js with the shared anchors harness
# (../shared/tools/anchors), on its model B (the one whose layers Scrawl has: model A uses
# "valid" padding). The harness is used from a scratch copy outside the project (its own
# npm packages installed there), with Scrawl's runtime added to that copy.
#   scripts/bench-anchors.sh [extra bench.mjs options, e.g. --quick]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
anchors="${SCRAWL_ANCHORS:-$root/../shared/tools/anchors}"
[ -f "$anchors/bench.mjs" ] || { echo "anchors harness not found at $anchors" >&2; exit 1; }

export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm --target scrawl_bench -j "$(nproc)"

work="${TMPDIR:-/tmp}/scrawl-anchors"
mkdir -p "$work"
# Refresh the harness's own files; keep its installed node_modules between runs.
(cd "$anchors" && tar --exclude=./node_modules --exclude=./build --exclude=./results -cf - .) | (cd "$work" && tar -xf -)
chmod -R u+w "$work"
mkdir -p "$work/results"
cp wasm/bench/anchors-runtime.mjs "$work/runtimes/scrawl.mjs"
ln -sfn "$root/build/wasm/wasm/bench" "$work/engines/scrawl"
mkdir -p "$root/build/anchors"
cd "$work"
[ -d node_modules ] || npm ci --no-audit --no-fund
node bench.mjs --runtimes scrawl,ort-wasm,tfjs-wasm --models B --out "$root/build/anchors/anchors.json" "$@"
