#!/usr/bin/env bash
# Installs what building and testing Scrawl needs and is missing: Debian packages (as root,
# through apt-get) and the npm devDependencies. Safe to run again: it only installs what is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
have_header() { [ -e "/usr/include/$1" ]; }
command -v cmake >/dev/null || need+=(cmake)
command -v g++ >/dev/null || need+=(g++)
command -v make >/dev/null || need+=(make)
command -v emcc >/dev/null || need+=(emscripten)
# clang and its sanitizer and libFuzzer runtimes, for the fuzz targets (scripts/fuzz.sh).
command -v clang++ >/dev/null || need+=(clang)
compgen -G '/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a' >/dev/null || need+=(libclang-rt-dev)
[ -e /usr/share/nodejs/acorn ] || need+=(node-acorn)
# clang-format, for the C++ format check (scripts/format-check.sh, run by npm run lint).
command -v clang-format >/dev/null || need+=(clang-format)
have_header eigen3/Eigen/Core || need+=(libeigen3-dev)
have_header stb/stb_image.h || need+=(libstb-dev)
have_header gtest/gtest.h || need+=(libgtest-dev)
have_header zlib.h || need+=(zlib1g-dev)
have_header openssl/evp.h || need+=(libssl-dev)
have_header nlohmann/json.hpp || need+=(nlohmann-json3-dev)
[ "${SCRAWL_SKIP_BROWSER:-}" = 1 ] || command -v chromium >/dev/null || need+=(chromium)

if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages need root: run 'sudo apt-get install ${need[*]}' and try again." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# Every devDependency of package.json (playwright-core, pngjs, eslint, prettier...), read from
# there so that one added later is installed too.
npm_missing() {
  node -e 'const fs = require("fs");
    const deps = Object.keys(require("./package.json").devDependencies ?? {});
    process.exit(deps.some((d) => !fs.existsSync(`node_modules/${d}/package.json`)) ? 0 : 1);'
}
if npm_missing; then
  echo "Installing npm devDependencies" >&2
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund >&2; else npm install --no-audit --no-fund >&2; fi
fi
