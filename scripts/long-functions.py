#!/usr/bin/env python3
"""Lists the C++ functions that are long or deeply nested, longest first.

    scripts/long-functions.py [--lines 60] [--depth 4] [DIR ...]   (default: engine tools wasm)

A function's length counts its lines from the line of its name to its closing brace. Its
nesting is that of its deepest control statement (if, for, while, switch, do, else), counted
from the indentation (2 spaces a level) so that braceless bodies count as well; lambdas count
towards the function they are written in. A rough reader, not a parser: enough to find the
functions worth splitting, in code formatted as this project's is.
"""
import argparse
import os
import re
import signal
import sys

CONTROL = re.compile(r"^\s*(?:\}\s*)?(if|for|while|switch|do|else)\b")
NOT_A_FUNCTION = re.compile(r"\b(namespace|class|struct|enum|union|extern)\b[^(]*$")


def blank_out(text):
  """The text with comments, string and character literals replaced by spaces (newlines kept)."""
  out = []
  i, n = 0, len(text)
  while i < n:
    c = text[i]
    if text.startswith("//", i):
      j = text.find("\n", i)
      j = n if j < 0 else j
      out.append(" " * (j - i))
      i = j
    elif text.startswith("/*", i):
      j = text.find("*/", i + 2)
      j = n if j < 0 else j + 2
      out.append(re.sub(r"[^\n]", " ", text[i:j]))
      i = j
    elif text.startswith('R"', i):
      m = re.match(r'R"([^(]*)\(', text[i:])
      end = text.find(")" + m.group(1) + '"', i) if m else -1
      j = n if end < 0 else end + len(m.group(1)) + 2
      out.append(re.sub(r"[^\n]", " ", text[i:j]))
      i = j
    elif c in "\"'":
      j = i + 1
      while j < n and text[j] != c and text[j] != "\n":
        j += 2 if text[j] == "\\" else 1
      out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else ""))
      i = j + 1
    else:
      out.append(c)
      i += 1
  return "".join(out)


def functions(path):
  """(name, first line, last line, nesting) of each function defined in the file."""
  raw = open(path, encoding="utf-8", errors="replace").read()
  text = blank_out(raw)
  lines = raw.split("\n")
  stack = []  # per open brace: True where it opens a function body
  header_start = 0  # where the text before the next brace begins
  found = []
  for i, c in enumerate(text):
    if c in ";}" and not any(stack):
      header_start = i + 1
    if c == "{":
      header = text[header_start:i]
      opens_function = not any(stack) and ")" in header and not NOT_A_FUNCTION.search(header) and \
          not re.search(r"=\s*$", header)
      stack.append(opens_function)
      if opens_function:
        name = re.findall(r"([~\w:]+)\s*\(", header.split("(")[0] + "(")
        start = text.count("\n", 0, header_start + len(header) - len(header.lstrip()))
        found.append([name[-1] if name else "?", start, text.count("\n", 0, i)])
      if not any(stack[:-1]):
        header_start = i + 1
    elif c == "}" and stack:
      if stack.pop():
        found[-1].append(text.count("\n", 0, i))
      if not any(stack):
        header_start = i + 1
  result = []
  for name, first, body, last in (f for f in found if len(f) == 4):
    base = len(lines[body]) - len(lines[body].lstrip())
    depth = 0
    for line in lines[body + 1:last]:
      if CONTROL.match(line):
        depth = max(depth, (len(line) - len(line.lstrip()) - base) // 2)
    result.append((name, first + 1, last + 1, depth))
  return result


def main():
  signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quietly, when piped into head
  parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  parser.add_argument("--lines", type=int, default=60)
  parser.add_argument("--depth", type=int, default=4)
  parser.add_argument("dirs", nargs="*", default=["engine", "tools", "wasm"])
  args = parser.parse_args()
  rows = []
  for top in args.dirs:
    for root, _, names in os.walk(top):
      for name in names:
        if name.endswith((".cpp", ".h", ".cc")):
          path = os.path.join(root, name)
          for fn, first, last, depth in functions(path):
            length = last - first + 1
            if length > args.lines or depth > args.depth:
              rows.append((length, depth, f"{path}:{first}", fn))
  for length, depth, where, fn in sorted(rows, reverse=True):
    print(f"{length:5d} lines  depth {depth}  {where}  {fn}")
  return 1 if rows else 0


if __name__ == "__main__":
  sys.exit(main())
