#!/usr/bin/env python3
"""Build the id-reports articles from idner-news-2k (MIT), as the shared builder does.

usage: build_articles.py [--data DATA_DIR] [--eval EVAL_DIR] [--train-articles N]

Articles of twelve sentences in paragraphs of two, with the shared builder's
Writer (natural spacing), so the text is the one `build.py` makes:
  idnews-dev-NNNN    all of dev.txt (the same articles as build.py's idnews-dev set)
  idnews-train-NNNN  the first N articles' worth of train.txt
Writes articles/<id>.txt next to this script. The sentences of idnews-dev are also
the tagger's NER development data; only the reported speech here is ours.
"""
import argparse, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def article_texts(read_conll, Writer, path, limit=None, per_article=12, per_paragraph=2):
    sents = read_conll(path)
    if limit is not None:
        sents = sents[: limit * per_article]
    for a in range(0, len(sents), per_article):
        w = Writer()
        for i, sent in enumerate(sents[a:a + per_article]):
            if i % per_paragraph == 0:
                w.paragraph()
            w.dq_open = False
            for tok, _tag in sent:
                w.token(tok)
        yield a // per_article, w.text()


def main():
    ap = argparse.ArgumentParser()
    # The shared data sit beside the repository (../shared), as in the README.
    shared = os.path.join(HERE, "..", "..", "..", "shared")
    ap.add_argument("--data", default=os.path.join(shared, "data"))
    ap.add_argument("--eval", default=os.path.join(shared, "eval"), help="folder of the shared build.py")
    ap.add_argument("--train-articles", type=int, default=29)
    args = ap.parse_args()
    sys.path.insert(0, args.eval)
    from build import Writer, read_conll  # the shared builder's logic, not a copy

    corpus = os.path.join(args.data, "ner", "idner-news-2k")
    out = os.path.join(HERE, "articles")
    os.makedirs(out, exist_ok=True)
    parts = [("idnews-dev", os.path.join(corpus, "dev.txt"), None),
             ("idnews-train", os.path.join(corpus, "train.txt"), args.train_articles)]
    for prefix, path, limit in parts:
        n = 0
        for idx, text in article_texts(read_conll, Writer, path, limit):
            with open(os.path.join(out, f"{prefix}-{idx:04d}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
            n += 1
        print(f"{prefix}: {n} articles")


if __name__ == "__main__":
    main()
