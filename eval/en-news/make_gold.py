#!/usr/bin/env python3
"""Turn annotations.tsv (our reading of each article) into gold.jsonl with offsets.

usage: make_gold.py   (reads annotations.tsv and articles/, writes gold.jsonl here)

annotations.tsv: one quotation or report a line, tab-separated: article id, content
text (`\\n` for a line break: PARC-style, a quotation over several paragraphs is one), cue text (empty when the quotation has no cue of its own, as a paragraph that
goes on a quotation), the speaker mention as written (a pronoun too), and for a
pronoun the name it stands for (`speaker_resolved`, which score.py also accepts).
Lines starting with # are comments. The content must occur exactly once in its
article; the cue is the occurrence nearest the content in its paragraph, the speaker
the occurrence nearest the cue (or the content, without a cue). The kind follows
polnear-dev's rule: direct when the content starts or ends with a quote mark.
Offsets are Unicode code points, end exclusive (Python str indices).
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_spans import nearest  # noqa: E402 (the shared helpers sit one folder up)
MARKS = "\"“”"


def quote_of(text, fields, where):
    content, cue, speaker, resolved = fields
    content = content.replace("\\n", "\n")  # a quotation running over paragraphs
    found = [(m.start(), m.start() + len(content)) for m in re.finditer(re.escape(content), text)]
    if len(found) != 1:
        raise ValueError(f"{where}: content found {len(found)} times")
    span = found[0]
    c = nearest(text, cue, span, where) if cue else None
    mentions = []
    if speaker:
        m = nearest(text, speaker, c or span, where)
        mentions.append({"start": m[0], "end": m[1], "text": text[m[0]:m[1]]})
    return {
        "start": span[0], "end": span[1], "text": content,
        "kind": "direct" if content[0] in MARKS or content[-1] in MARKS else "indirect",
        "cue": {"start": c[0], "end": c[1], "text": text[c[0]:c[1]]} if c else None,
        "speaker": mentions,
        "speaker_resolved": resolved or None,
    }


def main():
    docs = {}
    for name in sorted(os.listdir(os.path.join(HERE, "articles"))):
        if name.endswith(".txt"):
            with open(os.path.join(HERE, "articles", name), encoding="utf-8") as f:
                docs[name[:-4]] = {"id": name[:-4], "text": f.read(), "entities": [], "quotes": []}
    errors = 0
    with open(os.path.join(HERE, "annotations.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"annotations.tsv:{n}"
            try:
                parts = line.split("\t")
                if len(parts) != 5:
                    raise ValueError(f"{where}: expected 5 tab-separated fields, got {len(parts)}")
                if parts[0] not in docs:
                    raise ValueError(f"{where}: no article {parts[0]}")
                docs[parts[0]]["quotes"].append(quote_of(docs[parts[0]]["text"], parts[1:], where))
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
    print(f"{len(docs)} articles, {len(quotes)} quotations "
          f"({sum(q['kind'] == 'direct' for q in quotes)} direct), "
          f"{sum(1 for q in quotes if q['speaker'])} with a speaker mention")


if __name__ == "__main__":
    main()
