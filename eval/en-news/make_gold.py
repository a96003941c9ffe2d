#!/usr/bin/env python3
"""Turn annotations.tsv (our reading of each article) into gold.jsonl with offsets.

usage: make_gold.py   (reads annotations.tsv and articles/, writes gold.jsonl here)

annotations.tsv: one quotation or report a line, tab-separated: article id, content
text (`\\n` for a line break: PARC-style, a quotation over several paragraphs is one), cue text (empty when the quotation has no cue of its own, as a paragraph that
goes on a quotation), the speaker mention as written (a pronoun too), and for a
pronoun the name it stands for (`speaker_resolved`, which score.py also accepts).
Lines starting with # are comments. The content must occur exactly once in its
article; the cue is the occurrence nearest the content in its paragraph, the speaker
the occurrence nearest the cue (or the content, without a cue) in the cue's paragraph,
else the last one before the content. Records are built by gold_spans.news_quote, as
eval/id-news's and eval/id-features' are. The kind follows
polnear-dev's rule: direct when the content starts or ends with a quote mark.
Offsets are Unicode code points, end exclusive (Python str indices).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_spans import news_quote, read_annotations, read_articles, write_gold  # noqa: E402


def main():
    docs = read_articles(HERE)
    read_annotations(HERE, docs, 5, news_quote)
    quotes = write_gold(HERE, docs)
    print(f"{len(docs)} articles, {len(quotes)} quotations "
          f"({sum(q['kind'] == 'direct' for q in quotes)} direct), "
          f"{sum(1 for q in quotes if q['speaker'])} with a speaker mention")


if __name__ == "__main__":
    main()
