"""Times Math-Verify (https://github.com/huggingface/Math-Verify) on a JSONL
file of {"output", "expected"} lines, for bench/verify.ts: the peer measured
in the same run on the same completions. Math-Verify is not part of this
repository; point PYTHONPATH at its sources (and latex2sympy2_extended's).

    python3 bench/math-verify-peer.py FILE LIMIT

Prints one JSON object: lines, cpu seconds, wall seconds, and each verdict.
A reference without math delimiters is wrapped in $...$, as Math-Verify's
own usage does for gold answers.
"""
import json
import sys
import time

from math_verify import parse, verify


def gold_text(expected):
    if "$" in expected or "\\boxed" in expected or "\\(" in expected or "\\[" in expected:
        return expected
    return "$" + expected + "$"


def main():
    path, limit = sys.argv[1], int(sys.argv[2])
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if len(rows) >= limit:
                break
            if line.strip():
                rows.append(json.loads(line))
    verdicts = []
    cpu = time.process_time()
    wall = time.perf_counter()
    for row in rows:
        gold = parse(gold_text(row["expected"]))
        prediction = parse(row["output"])
        verdicts.append(bool(verify(gold, prediction)))
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    print(json.dumps({"lines": len(rows), "cpu": cpu, "wall": wall, "verdicts": verdicts}))


if __name__ == "__main__":
    main()
