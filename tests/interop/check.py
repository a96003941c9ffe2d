"""Checks Sorot's exports with the real consumers (spaCy 3.8, label-studio-converter)
and `sorot agreement` against bratiaa and scikit-learn.

    check.py accept SUGGESTED_DIR REVIEWED_DIR   # mark every suggestion accepted
    check.py team SUGGESTED_DIR TEAM_DIR         # two annotators' versions: ana, budi
    check.py check REVIEWED_DIR EXPORT_DIR TEAM_DIR
        # load the exports and compare; TEAM_DIR holds ana/, budi/ (Sorot files),
        # brat/{ana,budi}/ and conll/{ana,budi}.conll (their exports) and
        # agreement.json (`sorot agreement ana budi --json`)
"""

import json
import math
import sys
import traceback
import tempfile
import zlib
from pathlib import Path


def accept(suggested: Path, reviewed: Path) -> None:
    reviewed.mkdir(parents=True, exist_ok=True)
    for path in sorted(suggested.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for span in doc["entities"] + doc["quotes"]:
            span["status"] = "accepted"
        (reviewed / path.name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def load_reviewed(reviewed: Path) -> dict:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(reviewed.glob("*.json"))]
    assert len(docs) == 1, "the check exports one sample document"
    return docs[0]


def check_spacy(doc_json: dict, path: Path) -> None:
    import spacy
    import srsly
    from spacy.tokens import DocBin

    nlp = spacy.blank("xx")
    doc_bin = DocBin().from_disk(path)
    docs = list(doc_bin.get_docs(nlp.vocab))
    assert len(docs) == 1, len(docs)
    doc = docs[0]
    text = doc_json["text"]
    assert doc.text == text, "the Doc's text is the article, CRLF and all"
    entities = {(e["start"], e["end"], e["label"]) for e in doc_json["entities"]}
    for ent in doc.ents:
        assert ent.text == text[ent.start_char:ent.end_char]
        assert (ent.start_char, ent.end_char, ent.label_) in entities, ent
    in_spacy = {(s.start_char, s.end_char, s.label_) for s in doc.ents}
    in_spacy |= {(s.start_char, s.end_char, s.label_) for s in doc.spans.get("overlapping_entities", [])}
    assert in_spacy == entities, entities ^ in_spacy
    quotes = {q["id"]: q for q in doc_json["quotes"]}
    assert len(doc.spans["quotes"]) == len(quotes)
    for span in doc.spans["quotes"]:
        quote = quotes[span.id_]
        assert (span.start_char, span.end_char, span.text) == (quote["start"], quote["end"], quote["text"])
    by_id = {e["id"]: e for e in doc_json["entities"]}
    speakers = {s.id_: s for s in doc.spans.get("speakers", [])}
    for quote in quotes.values():
        if quote.get("speaker"):
            speaker = by_id[quote["speaker"]]
            assert speakers[quote["id"]].start_char == speaker["start"], quote["id"]
    # spaCy writing the loaded docs back gives the same message (its string
    # table also lists every token's norm, which Sorot's does not need).
    ours = srsly.msgpack_loads(zlib.decompress(path.read_bytes()))
    again = srsly.msgpack_loads(zlib.decompress(DocBin(attrs=["ENT_IOB", "ENT_TYPE"], docs=docs).to_bytes()))
    assert list(ours) == list(again), (list(ours), list(again))
    for key in ours:
        if key == "strings":
            assert set(ours[key]) <= set(again[key])
        else:
            assert ours[key] == again[key], key
    print(f"spacy {spacy.__version__}: DocBin loads; {len(doc.ents)} ents, "
          f"{len(doc.spans['quotes'])} quotes, {len(speakers)} speakers match; re-serialises identically")


def check_label_studio(doc_json: dict, tasks: Path) -> None:
    from label_studio_converter import Converter

    config = (tasks.parent / "label-studio-config.xml").read_text(encoding="utf-8")
    converter = Converter(config=config, project_dir=None, download_resources=False)
    with tempfile.TemporaryDirectory() as out:
        converter.convert_to_json_min(str(tasks), out, is_dir=False)
        converted = json.loads(next(Path(out).glob("*.json")).read_text(encoding="utf-8"))
        converter.convert_to_conll2003(str(tasks), out, is_dir=False)
        conll = next(Path(out).glob("*.conll")).read_text(encoding="utf-8")
    labels = converted[0]["label"]
    spans = {(l["start"], l["end"], l["labels"][0]) for l in labels}
    entities = {(e["start"], e["end"], e["label"]) for e in doc_json["entities"]}
    assert entities <= spans, entities - spans
    assert "B-PERSON" in conll
    print(f"label-studio-converter: JSON_MIN has {len(labels)} regions, CONLL2003 converts")


def team(suggested: Path, out: Path) -> None:
    """Two annotators' versions of the same documents: ana accepts every
    suggestion; budi, working from the same suggestions, drops, relabels,
    trims and re-attributes some, in a fixed pattern, so every figure has
    agreements and disagreements to count."""
    for name in ("ana", "budi"):
        (out / name).mkdir(parents=True, exist_ok=True)
    for path in sorted(suggested.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for span in doc["entities"] + doc["quotes"]:
            span["status"] = "accepted"
        (out / "ana" / path.name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        (out / "budi" / path.name).write_text(json.dumps(disagree(doc), ensure_ascii=False), encoding="utf-8")


def disagree(doc: dict) -> dict:
    doc = json.loads(json.dumps(doc))
    text = doc["text"]
    labels = sorted({e["label"] for e in doc["entities"]}) or ["PERSON"]
    speakers = {q.get("speaker") for q in doc["quotes"]}
    kept = []
    for i, entity in enumerate(doc["entities"]):
        if i % 5 == 4 and entity["id"] not in speakers:
            continue  # missed
        if i % 4 == 1:
            entity["label"] = labels[(labels.index(entity["label"]) + 1) % len(labels)] if len(labels) > 1 else "MISC"
        if i % 7 == 3 and entity["end"] - entity["start"] > 1:
            entity["end"] -= 1  # trimmed by one code point
            entity["text"] = text[entity["start"]:entity["end"]]
        kept.append(entity)
    doc["entities"] = kept
    for i, quote in enumerate(doc["quotes"]):
        if i % 3 == 1:
            quote["speaker"] = None
        if i % 4 == 2:
            quote["kind"] = "indirect" if quote["kind"] == "direct" else "direct"
    doc["quotes"] = [q for i, q in enumerate(doc["quotes"]) if i % 5 != 4]
    return doc


def check_bratiaa(team_dir: Path, report: dict) -> None:
    """bratiaa's instance F1 on the brat exports' entity spans (quotes and cues,
    which Sorot measures at 80 % overlap instead, are left out of the .ann
    files) equals `sorot agreement`'s span F1, per label and overall."""
    import bratiaa
    import numpy as np

    project = Path(tempfile.mkdtemp())
    quote_labels = {"DIRECT_QUOTE", "INDIRECT_QUOTE", "CUE"}
    entity_types = set()
    for name in ("ana", "budi"):
        (project / name).mkdir()
        for ann in sorted((team_dir / "brat" / name).glob("*.ann")):
            lines = [l for l in ann.read_text(encoding="utf-8").splitlines() if l.startswith("T")]
            lines = [l for l in lines if l.split("\t")[1].split(" ")[0] not in quote_labels]
            entity_types |= {l.split("\t")[1].split(" ")[0] for l in lines}
            (project / name / ann.name).write_text("".join(l + "\n" for l in lines), encoding="utf-8")
            txt = ann.with_suffix(".txt")
            (project / name / txt.name).write_bytes(txt.read_bytes())
    (project / "annotation.conf").write_text(
        "[entities]\n" + "\n".join(sorted(entity_types)) + "\n\n[relations]\n\n[events]\n\n[attributes]\n",
        encoding="utf-8",
    )
    f1 = bratiaa.compute_f1_agreement(str(project))
    pair = report["pairs"][0]["span_f1"]
    label_mean, _ = f1.mean_sd_per_label()
    compared = 0
    for label, theirs in zip(f1.labels, label_mean):
        ours = pair["labels"].get(label)
        if ours is None:
            assert math.isnan(theirs), (label, theirs)
            continue
        assert abs(ours - theirs) <= 0.001, (label, ours, theirs)
        compared += 1
    assert compared == len(pair["labels"]) >= 2, (compared, pair["labels"])
    total, _ = f1.mean_sd_total()
    assert abs(pair["overall"] - float(total)) <= 0.001, (pair["overall"], total)
    assert 0.0 < pair["overall"] < 1.0, "the check needs agreements and disagreements"
    print(f"bratiaa: span F1 {float(total):.4f} overall and {compared} labels agree with sorot agreement "
          f"({np.sum(f1._pdcl[:, :, 0]):.0f} tp)")


def conll_tokens(path: Path, texts: list) -> list:
    """Each document's tokens of a CoNLL export as (start, end, tag), in code points."""
    docs = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            docs.append([])
        elif line.strip():
            word, tag = line.rsplit(" ", 1)
            docs[-1].append((word, tag))
    assert len(docs) == len(texts), (len(docs), len(texts))
    located = []
    for words, text in zip(docs, texts):
        at, tokens = 0, []
        for word, tag in words:
            start = text.index(word, at)
            at = start + len(word)
            tokens.append((start, at, tag))
        located.append(tokens)
    return located


def cut(tokens: list, boundaries: set) -> list:
    """Tokens cut at the other annotator's token boundaries; a B- token's later pieces are I-."""
    pieces = []
    for start, end, tag in tokens:
        points = [start] + sorted(b for b in boundaries if start < b < end) + [end]
        for i, (s, e) in enumerate(zip(points, points[1:])):
            pieces.append((s, e, "I-" + tag[2:] if i > 0 and tag.startswith("B-") else tag))
    return pieces


def check_kappa(team_dir: Path, report: dict) -> None:
    """scikit-learn's cohen_kappa_score on the tokens of both CoNLL exports, each
    cut at the other's token boundaries, equals `sorot agreement`'s κ."""
    from sklearn.metrics import cohen_kappa_score

    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((team_dir / "ana").glob("*.json"))]
    ana = conll_tokens(team_dir / "conll" / "ana.conll", texts)
    budi = conll_tokens(team_dir / "conll" / "budi.conll", texts)
    tags_a, tags_b = [], []
    for a, b in zip(ana, budi):
        pieces_a = cut(a, {x for s, e, _ in b for x in (s, e)})
        pieces_b = cut(b, {x for s, e, _ in a for x in (s, e)})
        assert [p[:2] for p in pieces_a] == [p[:2] for p in pieces_b]
        tags_a += [p[2] for p in pieces_a]
        tags_b += [p[2] for p in pieces_b]
    kappa = report["pairs"][0]["cohen_kappa"]
    assert kappa["tokens"] == len(tags_a), (kappa["tokens"], len(tags_a))
    theirs = cohen_kappa_score(tags_a, tags_b)
    assert abs(kappa["overall"] - theirs) <= 0.001, (kappa["overall"], theirs)
    for label, ours in kappa["labels"].items():
        only = lambda tags: [t if t[2:] == label else "O" for t in tags]
        theirs_label = cohen_kappa_score(only(tags_a), only(tags_b))
        if ours is None:
            assert math.isnan(theirs_label), (label, theirs_label)
        else:
            assert abs(ours - theirs_label) <= 0.001, (label, ours, theirs_label)
    assert 0.0 < kappa["overall"] < 1.0, "the check needs agreements and disagreements"
    print(f"scikit-learn: cohen_kappa_score {theirs:.4f} on {len(tags_a)} tokens and "
          f"{len(kappa['labels'])} labels agree with sorot agreement")


def check(reviewed: Path, export: Path, team_dir: Path) -> bool:
    doc_json = load_reviewed(reviewed)
    report = json.loads((team_dir / "agreement.json").read_text(encoding="utf-8"))
    checks = [
        ("spacy", lambda: check_spacy(doc_json, export / "sample.spacy")),
        ("label-studio-converter", lambda: check_label_studio(doc_json, export / "sample.label-studio")),
        ("bratiaa", lambda: check_bratiaa(team_dir, report)),
        ("scikit-learn", lambda: check_kappa(team_dir, report)),
    ]
    passed = failed = 0
    for name, run in checks:
        try:
            run()
            passed += 1
        except Exception:  # every failure is reported, then counted
            print(f"FAILED {name}:", file=sys.stderr)
            traceback.print_exc()
            failed += 1
    print(f"interop: {passed} passed, {failed} failed")
    return failed == 0


if __name__ == "__main__":
    command, *paths = sys.argv[1:]
    if command == "check":
        sys.exit(0 if check(*map(Path, paths)) else 1)
    {"accept": accept, "team": team}[command](*map(Path, paths))
    print("accepted" if command == "accept" else "annotators written")
