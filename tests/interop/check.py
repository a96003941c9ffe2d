"""Checks Sorot's exports with the real consumers (spaCy 3.8, label-studio-converter).

    check.py accept SUGGESTED_DIR REVIEWED_DIR   # mark every suggestion accepted
    check.py check REVIEWED_DIR EXPORT_DIR       # load the exports and compare
"""

import json
import sys
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


def check(reviewed: Path, export: Path) -> None:
    doc_json = load_reviewed(reviewed)
    check_spacy(doc_json, export / "sample.spacy")
    check_label_studio(doc_json, export / "sample.label-studio")


if __name__ == "__main__":
    command, a, b = sys.argv[1:4]
    {"accept": accept, "check": check}[command](Path(a), Path(b))
    print("interop: 2 passed, 0 failed" if command == "check" else "accepted")
