#!/usr/bin/env python3
"""Turn annotations.tsv (our reading of each article) into gold.jsonl with offsets.

usage: make_gold.py   (reads annotations.tsv and articles/, writes gold.jsonl here)

annotations.tsv: one quotation or report a line, tab-separated:
  article id; content text (`\\n` for a line break: a quotation running over
  paragraphs is one record, written with the article's own line ends); cue text
  (empty for a paragraph that goes on a quotation without a cue of its own);
  speaker mentions (" | " between several, e.g. a role at the cue and the name it
  stands for: `Kapolres | AKBP Wisnu Aditya`); and, when the cue carries no name
  (`-nya`, `ia`, `dia`, `beliau`, no cue at all), the name it stands for
  (`speaker_resolved`, which score.py also accepts).
Lines starting with # are comments. The content must occur exactly once in its
article. The cue is the occurrence nearest the content in its paragraph. A speaker
mention is the occurrence nearest the cue in the cue's paragraph; a nameless cue's
antecedent written in an earlier paragraph is its last occurrence before the
content (the person the reader has in mind), not a later one.
Kind: direct when the content starts or ends with a quote mark (as pfsa-dev and
en-news). Offsets are Unicode code points, end exclusive (Python str indices).
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_spans import nearest, occurrences  # noqa: E402 (the shared helpers sit one folder up)
MARKS = "\"“”"


def paragraph_of(text, span):
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    return start, len(text) if end < 0 else end


def speaker_mention(text, needle, anchor, content, where):
    para = paragraph_of(text, anchor)
    found = occurrences(text, needle)
    if any(para[0] <= s and e <= para[1] for s, e in found):
        return nearest(text, needle, anchor, where)
    earlier = [f for f in found if f[1] <= content[0]]
    return earlier[-1] if earlier else nearest(text, needle, anchor, where)


def quote_of(text, fields, where):
    content, cue, speakers, resolved = fields
    line_end = "\r\n" if "\r\n" in text else "\n"
    content = content.replace("\\n", line_end)
    found = [(m.start(), m.start() + len(content)) for m in re.finditer(re.escape(content), text)]
    if len(found) != 1:
        raise ValueError(f"{where}: content found {len(found)} times")
    span = found[0]
    c = nearest(text, cue, span, where) if cue else None
    mentions = []
    for s in filter(None, (x.strip() for x in speakers.split("|"))):
        m = speaker_mention(text, s, c or span, span, where)
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
            with open(os.path.join(HERE, "articles", name), encoding="utf-8", newline="") as f:
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
    direct = [q for q in quotes if q["kind"] == "direct"]
    print(f"{len(docs)} articles, {len(quotes)} records ({len(direct)} direct, "
          f"{len(quotes) - len(direct)} reports), "
          f"{sum(1 for q in quotes if q['speaker_resolved'] and q['cue'])} with a nameless cue, "
          f"{sum(1 for q in quotes if not q['cue'])} without a cue")


if __name__ == "__main__":
    main()
