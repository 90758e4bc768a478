#!/usr/bin/env python3
"""Writes the large bad inputs of tests/bad/ to standard output (too big to commit).

    generate.py CASE     CASE: huge-line | many-devices | deep-nesting | deep-parens | many-errors
The .expect files feed them to `faultline check -` (standard input, shown as <stdin>).
"""
import sys

case = sys.argv[1]
out = sys.stdout
if case == "huge-line":
    # One 10 MB line: a device with a 10,000,000-character name, then a link to a device that
    # does not exist; the diagnostic shows a window of the line around the caret.
    out.write("device a router; device b" + "x" * 10_000_000 + " router; link a:1 -- q:1;\n")
elif case == "many-devices":
    # 100,000 routers in a chain, a requirement end to end, and one link to nowhere at the end.
    for i in range(100_000):
        out.write(f"device d{i} router;\n")
    for i in range(99_999):
        out.write(f"link d{i}:1 -- d{i + 1}:0;\n")
    out.write("require reach d0 -> d99999;\nlink d5:7 -- nowhere:1;\n")
elif case == "deep-nesting":
    # A million opening braces after 'faults'.
    out.write("faults " + "{" * 1_000_000 + "\n")
elif case == "deep-parens":
    out.write("device a router { os = " + "(" * 100_000 + ";\n")
elif case == "many-errors":
    # 100,000 statements, each an error: the report stops after the first 50.
    for i in range(100_000):
        out.write(f"device d{i};\n")
else:
    sys.exit(f"generate.py: unknown case '{case}'")
