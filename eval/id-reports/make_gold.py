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
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_spans import nearest, read_annotations, read_articles, span_record, unique_span, write_gold  # noqa: E402


def report_of(text, fields, where):
    content, cue, speakers = fields
    span = unique_span(text, content, where)
    c = nearest(text, cue, span, where)
    names = filter(None, (x.strip() for x in speakers.split("|")))
    mentions = [span_record(text, nearest(text, s, c, where)) for s in names]
    return {
        "start": span[0], "end": span[1], "text": content, "kind": "indirect",
        "cue": span_record(text, c),
        "speaker": mentions,
    }


def main():
    docs = read_articles(HERE, quote_kinds=["indirect"])
    read_annotations(HERE, docs, 4, report_of)
    quotes = write_gold(HERE, docs)
    print(f"{len(docs)} articles, {len(quotes)} reports, "
          f"{sum(1 for q in quotes if q['speaker'])} with a speaker mention")


if __name__ == "__main__":
    main()
