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
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_spans import nearest, read_annotations, read_articles, span_record, unique_span, write_gold  # noqa: E402
MARKS = "\"“”"


def quote_of(text, fields, where):
    content, cue, speaker, resolved = fields
    content = content.replace("\\n", "\n")  # a quotation running over paragraphs
    span = unique_span(text, content, where)
    c = nearest(text, cue, span, where) if cue else None
    mentions = [span_record(text, nearest(text, speaker, c or span, where))] if speaker else []
    return {
        "start": span[0], "end": span[1], "text": content,
        "kind": "direct" if content[0] in MARKS or content[-1] in MARKS else "indirect",
        "cue": span_record(text, c) if c else None,
        "speaker": mentions,
        "speaker_resolved": resolved or None,
    }


def main():
    docs = read_articles(HERE)
    read_annotations(HERE, docs, 5, quote_of)
    quotes = write_gold(HERE, docs)
    print(f"{len(docs)} articles, {len(quotes)} quotations "
          f"({sum(q['kind'] == 'direct' for q in quotes)} direct), "
          f"{sum(1 for q in quotes if q['speaker'])} with a speaker mention")


if __name__ == "__main__":
    main()
