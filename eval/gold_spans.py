"""Placing annotated text in an article, shared by the sets' make_gold.py scripts:
every occurrence of a phrase as a whole word run, and the occurrence nearest another
span (same paragraph first). Offsets are Unicode code points, end exclusive (Python
str indices), as ../shared/eval/score.py reads them.
"""
import re


def occurrences(text, needle):
    pat = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def gap(a, b):
    """Distance between two spans, 0 when one holds the other or they touch."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def nearest(text, needle, anchor, where):
    found = occurrences(text, needle)
    if not found:
        raise ValueError(f"{where}: {needle!r} not found")
    # the same paragraph first: the cue and the speaker belong to the content's sentence
    para = (text.rfind("\n", 0, anchor[0]) + 1, (text.find("\n", anchor[1]) + 1 or len(text) + 1) - 1)
    inside = [f for f in found if para[0] <= f[0] and f[1] <= para[1]] or found
    return min(inside, key=lambda f: (gap(f, anchor), f[0] < anchor[0]))
