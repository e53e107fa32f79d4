#!/usr/bin/env bash
# Checks that the project's C++ (engine/, tools/, wasm/, tests/: every .cpp and .h there, the
# build folders left out) is formatted as .clang-format says, and names the files that are not.
# `npm run lint` (and so `npm test`) runs it; --fix formats those files in place instead.
#   scripts/format-check.sh [--fix]
# The style was set with clang-format 14 (Debian's clang-format, which ensure-deps.sh installs);
# another version may lay a few lines out differently. $CLANG_FORMAT picks the binary.
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
case "${1:-}" in
  "") ;;
  --fix) fix=1 ;;
  *) echo "usage: scripts/format-check.sh [--fix]" >&2; exit 2 ;;
esac

cf="${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}"
if [ -z "$cf" ] || ! command -v "$cf" >/dev/null; then
  echo "format check: clang-format not found; install it (Debian: apt-get install clang-format," >&2
  echo "or bash scripts/ensure-deps.sh as root) or point \$CLANG_FORMAT at it." >&2
  exit 1
fi
version="$("$cf" --version | grep -o '[0-9][0-9]*\.[0-9][0-9.]*' | head -n 1)"

dirs=(engine tools wasm tests)
pattern='\.(cpp|cc|cxx|h|hh|hpp)$'
files=()
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Tracked files and new ones not ignored: build outputs and the like never come in.
  while IFS= read -r f; do [ -f "$f" ] && files+=("$f"); done \
    < <(git ls-files --cached --others --exclude-standard -- "${dirs[@]}" | grep -E "$pattern" | sort -u)
else
  while IFS= read -r f; do files+=("$f"); done \
    < <(find "${dirs[@]}" -path '*/build' -prune -o -type f -print | grep -E "$pattern" | sort)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "format check: no C++ files found under ${dirs[*]}" >&2
  exit 1
fi

if [ "$fix" = 1 ]; then
  "$cf" -i --style=file "${files[@]}"
  echo "format: ${#files[@]} C++ files formatted as .clang-format says (clang-format $version)" >&2
  exit 0
fi

if report="$("$cf" --dry-run --Werror --style=file "${files[@]}" 2>&1)"; then
  echo "format check: ${#files[@]} C++ files as .clang-format says (clang-format $version)" >&2
  exit 0
fi
off="$(grep -oE '^[^:[:space:]]+:[0-9]+:[0-9]+: error:' <<<"$report" | cut -d: -f1 | sort -u || true)"
if [ -z "$off" ]; then
  # Not a formatting finding (a file it could not read, a bad .clang-format): say what it said.
  echo "$report" >&2
  echo "format check: clang-format $version failed" >&2
  exit 1
fi
{
  echo "format check: $(wc -l <<<"$off") of ${#files[@]} C++ files are not as .clang-format says:"
  sed 's/^/  /' <<<"$off"
  echo "Format them with 'bash scripts/format-check.sh --fix' (or 'npm run lint:fix'), or see the"
  echo "lines with 'clang-format --dry-run FILE'."
  case "$version" in
    14.*) ;;
    *) echo "(This is clang-format $version; the style was set with 14, and another version may differ.)" ;;
  esac
} >&2
exit 1
