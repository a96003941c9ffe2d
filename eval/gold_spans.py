"""What the sets' make_gold.py scripts share: reading the articles and annotations.tsv,
placing annotated text in an article (every occurrence of a phrase as a whole word
run, the occurrence nearest another span, same paragraph first), the record of the
whole-article sets (eval/id-news, eval/id-features: direct or report, cue, speaker
mentions, the name a nameless cue stands for), and writing gold.jsonl. Offsets are Unicode code points, end exclusive (Python str indices), as
../shared/eval/score.py reads them.
"""
import json
import os
import re
import sys


def occurrences(text, needle):
    pat = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def gap(a, b):
    """Distance between two spans, 0 when one holds the other or they touch."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def paragraph_of(text, span):
    """The line holding `span`: from after the line break before it to the next one."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    return start, len(text) if end < 0 else end


def nearest(text, needle, anchor, where):
    found = occurrences(text, needle)
    if not found:
        raise ValueError(f"{where}: {needle!r} not found")
    # the same paragraph first: the cue and the speaker belong to the content's sentence
    para = paragraph_of(text, anchor)
    inside = [f for f in found if para[0] <= f[0] and f[1] <= para[1]] or found
    return min(inside, key=lambda f: (gap(f, anchor), f[0] < anchor[0]))


def unique_span(text, content, where):
    """Where `content` stands in `text`; it must stand there exactly once."""
    found = [(m.start(), m.start() + len(content)) for m in re.finditer(re.escape(content), text)]
    if len(found) != 1:
        raise ValueError(f"{where}: content found {len(found)} times")
    return found[0]


def span_record(text, span):
    """A span as gold.jsonl writes it, with the text it covers."""
    return {"start": span[0], "end": span[1], "text": text[span[0]:span[1]]}


def read_articles(here, newline=None, **fields):
    """The articles in `here`/articles as gold documents by id, with `fields` added to
    each; `newline=""` keeps CRLF line ends as written (Python's default reads them
    as "\\n")."""
    docs = {}
    for name in sorted(os.listdir(os.path.join(here, "articles"))):
        if name.endswith(".txt"):
            with open(os.path.join(here, "articles", name), encoding="utf-8", newline=newline) as f:
                docs[name[:-4]] = {"id": name[:-4], "text": f.read(), "entities": [], "quotes": [], **fields}
    return docs


def read_annotations(here, docs, field_count, record_of):
    """Each line of `here`/annotations.tsv (blank lines and # comments aside) with
    `field_count` tab-separated fields, the first an article id: `record_of(text,
    other fields, where)` gives the record added to that article's quotes. Every line
    that cannot be placed is reported; then the script stops without writing."""
    errors = 0
    with open(os.path.join(here, "annotations.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"annotations.tsv:{n}"
            try:
                parts = line.split("\t")
                if len(parts) != field_count:
                    raise ValueError(f"{where}: expected {field_count} tab-separated fields, got {len(parts)}")
                if parts[0] not in docs:
                    raise ValueError(f"{where}: no article {parts[0]}")
                docs[parts[0]]["quotes"].append(record_of(docs[parts[0]]["text"], parts[1:], where))
            except ValueError as e:
                print(e, file=sys.stderr)
                errors += 1
    if errors:
        sys.exit(f"{errors} annotation(s) could not be placed; gold.jsonl not written")


def write_gold(here, docs):
    """`here`/gold.jsonl, one document a line, quotes in text order; returns all quotes."""
    with open(os.path.join(here, "gold.jsonl"), "w", encoding="utf-8") as g:
        for doc in docs.values():
            doc["quotes"].sort(key=lambda q: (q["start"], -q["end"]))
            g.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return [q for d in docs.values() for q in d["quotes"]]


MARKS = "\"“”"


def speaker_mention(text, needle, anchor, content, where):
    """A speaker mention: the occurrence nearest the cue in the cue's paragraph, else
    the last one before the content (the name a nameless cue's reader has in mind)."""
    para = paragraph_of(text, anchor)
    found = occurrences(text, needle)
    if any(para[0] <= s and e <= para[1] for s, e in found):
        return nearest(text, needle, anchor, where)
    earlier = [f for f in found if f[1] <= content[0]]
    return earlier[-1] if earlier else nearest(text, needle, anchor, where)


def news_quote(text, fields, where):
    """A record of a whole-article set (eval/en-news, eval/id-news, eval/id-features) from its
    annotation fields: content (`\\n` for a line break), cue, speaker mentions (' | '
    between several) and the name a nameless cue stands for."""
    content, cue, speakers, resolved = fields
    line_end = "\r\n" if "\r\n" in text else "\n"
    content = content.replace("\\n", line_end)
    span = unique_span(text, content, where)
    c = nearest(text, cue, span, where) if cue else None
    names = filter(None, (x.strip() for x in speakers.split("|")))
    mentions = [span_record(text, speaker_mention(text, s, c or span, span, where)) for s in names]
    return {
        "start": span[0], "end": span[1], "text": content,
        "kind": "direct" if content[0] in MARKS or content[-1] in MARKS else "indirect",
        "cue": span_record(text, c) if c else None,
        "speaker": mentions,
        "speaker_resolved": resolved or None,
    }


def make_news_gold(folder):
    """Builds the gold.jsonl of a whole-article set (eval/id-news, eval/id-features) in
    `folder` from its articles and annotations.tsv, and prints its counts. CRLF articles
    keep their line ends: offsets count the "\r" as the app does."""
    docs = read_articles(folder, newline="")
    read_annotations(folder, docs, 5, news_quote)
    quotes = write_gold(folder, docs)
    direct = [q for q in quotes if q["kind"] == "direct"]
    print(f"{len(docs)} articles, {len(quotes)} records ({len(direct)} direct, "
          f"{len(quotes) - len(direct)} reports), "
          f"{sum(1 for q in quotes if q['speaker_resolved'] and q['cue'])} with a nameless cue, "
          f"{sum(1 for q in quotes if not q['cue'])} without a cue")
