"""A JSON Lines corpus from Sorot's bundled sample articles: each article whole,
then each of its paragraphs as an article of its own, with an id and a file
field (kept through the analysis)."""

import json
import pathlib
import sys


def main(samples: str, out: str) -> None:
    lines = []
    for path in sorted(pathlib.Path(samples).glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        pieces = [text] + [p for p in text.split("\n\n") if len(p.strip()) > 40]
        for n, piece in enumerate(pieces):
            lines.append({"id": f"{path.stem}-{n}", "file": path.name, "text": piece})
    with open(out, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"make_corpus: {len(lines)} articles in {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
