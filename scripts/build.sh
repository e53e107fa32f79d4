#!/usr/bin/env bash
# Builds everything: the native CLI and tests (build/native), the WebAssembly engine
# (build/wasm) and the page (dist/). Each step is incremental.
#   scripts/build.sh [native|wasm|web|all]   (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
jobs="$(nproc 2>/dev/null || echo 2)"

if [ "$what" = native ] || [ "$what" = all ]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$jobs"
fi
if [ "$what" = wasm ] || [ "$what" = web ] || [ "$what" = all ]; then
  # Debian's emscripten finds its acorn through NODE_PATH.
  export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j "$jobs"
  mkdir -p dist
  # The same engine for browsers without WebAssembly SIMD (scrawl.mjs loads it where needed).
  emcmake cmake -S . -B build/wasm-nosimd -DCMAKE_BUILD_TYPE=Release -DSCRAWL_WASM_SIMD=OFF >/dev/null
  cmake --build build/wasm-nosimd --target scrawl_wasm -j "$jobs"
  cp build/wasm/wasm/scrawl-core.mjs dist/scrawl-core.mjs
  cp build/wasm/wasm/scrawl-core.wasm dist/scrawl.wasm
  cp build/wasm-nosimd/wasm/scrawl-core.mjs dist/scrawl-core-nosimd.mjs
  cp build/wasm-nosimd/wasm/scrawl-core.wasm dist/scrawl-nosimd.wasm
  # The trainer module: loaded only when a person asks Scrawl to learn their handwriting.
  emcmake cmake -S . -B build/wasm-trainer -DCMAKE_BUILD_TYPE=Release -DSCRAWL_WASM_TRAINER=ON >/dev/null
  cmake --build build/wasm-trainer --target scrawl_trainer_wasm -j "$jobs"
  cp build/wasm-trainer/wasm/trainer/scrawl-trainer.mjs dist/scrawl-trainer-core.mjs
  cp build/wasm-trainer/wasm/trainer/scrawl-trainer.wasm dist/scrawl-trainer.wasm
  cp wasm/scrawl-trainer.mjs wasm/scrawl-samples.mjs wasm/scrawl-mnist.mjs dist/
  cp wasm/scrawl.mjs dist/scrawl.mjs
  [ -f wasm/scrawl.d.ts ] && cp wasm/scrawl.d.ts dist/scrawl.d.ts
  [ -f scripts/build-web.mjs ] && node scripts/build-web.mjs
fi
echo "build ok" >&2
