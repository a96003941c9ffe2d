"""Checks a Spark output folder against its input: one output line per input
line, the same ids in the same order, every span's text equal to its code-point
slice of the document text. Prints a one-line summary; exits 1 on a mismatch."""

import json
import pathlib
import sys


def parse(line: str):
    """An input line's object, or None where it is not JSON (Sorot reports those)."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def main(corpus: str, out_dir: str) -> None:
    inputs = [parse(line) for line in open(corpus, encoding="utf-8")]
    parts = sorted(pathlib.Path(out_dir).glob("part-*"))
    outputs = [json.loads(line) for part in parts for line in open(part, encoding="utf-8")]
    problems = []
    if len(outputs) != len(inputs):
        problems.append(f"{len(inputs)} input lines but {len(outputs)} output lines")
    for n, (a, d) in enumerate(zip(inputs, outputs), start=1):
        if "error" in d and a is None:
            continue  # an input line that is not JSON: its error record has no id
        if a is None or a.get("id") != d.get("id"):
            problems.append(f"line {n}: id {(a or {}).get('id')!r} came back as {d.get('id')!r}")
        for span in d.get("entities", []) + d.get("quotes", []):
            if d["text"][span["start"]:span["end"]] != span["text"]:
                problems.append(f"line {n}: span {span['id']} does not match the text")
    errors = sum(1 for d in outputs if "error" in d)
    entities = sum(len(d.get("entities", [])) for d in outputs)
    quotes = sum(len(d.get("quotes", [])) for d in outputs)
    print(f"check: {len(parts)} part file(s), {len(outputs)} line(s) for {len(inputs)} input line(s), "
          f"ids in order: {'yes' if not problems else 'no'}, {entities} entities, {quotes} quotes, "
          f"{errors} error record(s)")
    for p in problems[:10]:
        print(f"check: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main(*sys.argv[1:])
