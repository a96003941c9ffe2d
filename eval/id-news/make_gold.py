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
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_spans import make_news_gold  # noqa: E402 (one folder up)

if __name__ == "__main__":
    make_news_gold(HERE)
