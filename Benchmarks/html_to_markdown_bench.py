"""Times html-to-markdown (PyPI) over the same post bodies as floor.c, single-threaded.

Reads the file list from standard input, splits off the front matter as floor.c does, then converts
every body in memory, timing only the conversions (like the issue's "bodies only" table). Prints

    files=N body_bytes=B convert_seconds=S convert_cpu_seconds=C version=V

S is wall time, C the process's CPU time over the same loop.
"""
import re
import sys
import time
from importlib.metadata import version

import html_to_markdown

FENCE = re.compile(r"---[ \t\r]*\Z")


def body_of(text):
    """The body after the front matter, as newslint's PostReader finds it; None if never closed."""
    lines = text.split("\n")
    index = 0
    while index < len(lines) - 1 and lines[index].strip(" \t\r\v\f") == "":
        index += 1
    if not FENCE.match(lines[index]):
        return text
    for closing in range(index + 1, len(lines)):
        if FENCE.match(lines[closing]):
            return "\n".join(lines[closing + 1:])
    return None


def main():
    bodies = []
    for path in sys.stdin.read().splitlines():
        if not path:
            continue
        with open(path, "rb") as handle:
            raw = handle.read()
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace").replace("\r\n", "\n")
        body = body_of(text)
        if body is not None:
            bodies.append(body)
    if not bodies:
        sys.exit("html_to_markdown_bench.py: no post bodies to convert")
    size = sum(len(body.encode("utf-8")) for body in bodies)
    bodies = [body or "<body></body>" for body in bodies]  # as floor.c and newslint do
    convert = html_to_markdown.convert
    convert(bodies[0])  # load the native library and warm up before timing
    started, cpu_started = time.perf_counter(), time.process_time()
    for body in bodies:
        convert(body)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"files={len(bodies)} body_bytes={size} convert_seconds={seconds:.6f} "
          f"convert_cpu_seconds={cpu_seconds:.6f} "
          f"version={version('html-to-markdown')}")


if __name__ == "__main__":
    main()
