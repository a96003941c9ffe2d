#!/usr/bin/env python3
"""Turn annotations.tsv (our reading of each sentence) into gold.jsonl with offsets.

usage: make_gold.py   (reads annotations.tsv and articles/, writes gold.jsonl here)

annotations.tsv: one reported statement a line, tab-separated:
  article id, content text, cue text, speaker mentions (" | " between several; empty
  when the speaker is a pronoun or absent). Lines starting with # are comments.
The content must occur exactly once in its article; the cue is the occurrence of the
cue word nearest the content (inside it for a cue within the clause), the speaker the
occurrence nearest the cue. Offsets are Unicode code points, end exclusive (Python str
indices), as in /work/shared/eval/build.py's output, so score.py and halves.py read it.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_spans import nearest  # noqa: E402 (the shared helpers sit one folder up)


def main():
    docs = {}
    for name in sorted(os.listdir(os.path.join(HERE, "articles"))):
        if name.endswith(".txt"):
            with open(os.path.join(HERE, "articles", name), encoding="utf-8") as f:
                docs[name[:-4]] = {"id": name[:-4], "text": f.read(), "entities": [], "quotes": [],
                                   "quote_kinds": ["indirect"]}
    errors = 0
    with open(os.path.join(HERE, "annotations.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"annotations.tsv:{n}"
            try:
                parts = line.split("\t")
                if len(parts) != 4:
                    raise ValueError(f"{where}: expected 4 tab-separated fields, got {len(parts)}")
                doc_id, content, cue, speakers = parts
                if doc_id not in docs:
                    raise ValueError(f"{where}: no article {doc_id}")
                text = docs[doc_id]["text"]
                found = [(m.start(), m.start() + len(content)) for m in re.finditer(re.escape(content), text)]
                if len(found) != 1:
                    raise ValueError(f"{where}: content found {len(found)} times")
                span = found[0]
                c = nearest(text, cue, span, where)
                mentions = []
                for s in filter(None, (x.strip() for x in speakers.split("|"))):
                    m = nearest(text, s, c, where)
                    mentions.append({"start": m[0], "end": m[1], "text": text[m[0]:m[1]]})
                docs[doc_id]["quotes"].append({
                    "start": span[0], "end": span[1], "text": content, "kind": "indirect",
                    "cue": {"start": c[0], "end": c[1], "text": text[c[0]:c[1]]},
                    "speaker": mentions,
                })
            except ValueError as e:
                print(e, file=sys.stderr)
                errors += 1
    if errors:
        sys.exit(f"{errors} annotation(s) could not be placed; gold.jsonl not written")
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as g:
        for doc in docs.values():
            doc["quotes"].sort(key=lambda q: (q["start"], -q["end"]))
            g.write(json.dumps(doc, ensure_ascii=False) + "\n")
    quotes = [q for d in docs.values() for q in d["quotes"]]
    print(f"{len(docs)} articles, {len(quotes)} reports, "
          f"{sum(1 for q in quotes if q['speaker'])} with a speaker mention")


if __name__ == "__main__":
    main()
