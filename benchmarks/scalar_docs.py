"""Generated YAML documents that hold scalars in every style, for the readers to agree on.

Each document is drawn from a ``random.Random``, so a seed names it: text with the
characters YAML treats specially, written plain, single-quoted, double-quoted (with
escapes and escaped line breaks) or as a literal or folded block (every chomping and
indentation indicator), continued over lines indented more, as much or less than they
should be, with whitespace-only and empty lines, comments, flow collections on one
line or several, anchors, aliases and tags, CRLF line ends, and no line break at the
end of the file. Most are not valid YAML or not what they seem; that is the point.

``document(rng)`` gives a document of values; ``briefing(rng)`` a small briefing with
such a scalar where a text, a number, a flag or an excerpt goes; ``mutated(rng)`` an
ordinary one of either with a few edits that shift its structure. ``pairs()`` goes
through every one and two characters in every style and place instead.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

# Pieces of text: ordinary words most of the time, and every character or sequence the
# YAML grammar (or YAML 1.1's resolver) gives a meaning to.
_WORDS = ["Minsk", "Astana", "trade", "2017", "60%", "$441.4", "“quoted”", "Қазақстан",
          "Лукашенко", "R&D", "a@b.c", "(entry", "4).", "e.g.", "x", "yes", "NO", "null",
          "Null", "~", "true", "True", "1e3", ".5", "-.5", "0x1B", "0o17", "012", "1_000",
          "1:20", "-0", ".inf", "-.Inf", ".NaN", "=", "<<", "2017-11-29", "+5", "3.",
          "1.5e+3", "-", "--", "---", "...", "é", "inf", "-infinity", "nan", "Infinity", "😀"]
# Keys: identifiers, some of which YAML 1.1 or rapidyaml read as something else.
_KEYS = ["name", "a_1", "_", "null", "Null", "true", "yes", "y", "on", "inf", "infinity",
         "nan", "NaN", "e1", "x"]
_MARKS = [" ", "  ", "   ", "\n", "\n\n", "#", " #", "# ", ":", ": ", " :", "-", "- ", "?",
          "? ", "'", "''", '"', "\\", "[", "]", "{", "}", ",", ", ", "&", "& ", "&a ", "*",
          "* ", "*a", "!", "!!str ", "! ", "|", ">", "%", "@", "`", "\t", "\u00a0", "\x85",
          "\u2028", "\ufeff", "\r", "\r\n", "\x07", " \n", "\n ", "\n  ", "\\n", "\\\n"]
_ESCAPES = ["\\\\", '\\"', "\\n", "\\t", "\\/", "\\ ", "\\0", "\\a", "\\b", "\\e", "\\f",
            "\\r", "\\v", "\\N", "\\_", "\\L", "\\P", "\\x41", "\\xe9", "\\u00e9",
            "\\ud800", "\\U0001F600", "\\\n", "\\\n  ", "\\\n\\ ", "\\q", "\\"]


def text(rng: random.Random, wild: float) -> str:
    """A scalar's content: words, and marks in about ``wild`` of its pieces."""
    if rng.random() < 0.15:
        return rng.choice(_WORDS)
    parts = []
    for _ in range(rng.randint(1, 8)):
        parts.append(rng.choice(_MARKS) if rng.random() < wild else rng.choice(_WORDS))
        if rng.random() < 0.6:
            parts.append(" ")
    return "".join(parts).strip(" ") if rng.random() < 0.7 else "".join(parts)


def _fold(rng: random.Random, body: str, indent: str, wild: float) -> str:
    """Some of the spaces in ``body`` turned into line breaks, continued at ``indent``
    or (how often: ``wild``) near it, sometimes with empty, blank or comment lines
    between."""
    out = []
    for char in body:
        if char == " " and rng.random() < 0.3:
            out.append("\n")
            if rng.random() < wild / 2:
                out.append(rng.choice(["\n", " \n", indent + "   \n", "# c\n",
                                       indent + "# c\n"]))
            out.append(_near(rng, indent) if rng.random() < wild else indent)
        else:
            out.append(char)
    return "".join(out)


def _near(rng: random.Random, indent: str) -> str:
    """An indentation at, just under or over ``indent``."""
    shift = rng.choice([0, 0, 0, 1, 2, -1, -2])
    return " " * max(0, len(indent) + shift)


def scalar(rng: random.Random, indent: str, wild: float) -> str:
    """``text`` written as the value of a line indented ``indent`` in some style."""
    body = text(rng, wild)
    style = rng.choice(["plain", "plain", "single", "double", "block"])
    if style == "plain":
        if rng.random() >= wild:
            body = body.strip(" ")  # else spaces at the ends: not part of a plain scalar
        return _fold(rng, body, indent + "  ", wild) if rng.random() < 0.4 else body
    if style == "single":
        quoted = body.replace("'", "''") if rng.random() < 0.9 else body
        if rng.random() < 0.4:
            quoted = _fold(rng, quoted, indent + "  ", wild)
        return f"'{quoted}'"
    if style == "double":
        return '"' + _fold(rng, _escaped(rng, body), indent + "  ", wild) + '"'
    return _block(rng, body, indent, wild)


def _escaped(rng: random.Random, body: str) -> str:
    out = []
    for char in body:
        if char in '"\\' and rng.random() < 0.9:
            out.append("\\" + char)
        elif char == "\n" and rng.random() < 0.5:
            out.append("\\n")
        else:
            out.append(char)
        if rng.random() < 0.1:
            out.append(rng.choice(_ESCAPES))
    return "".join(out)


def _block(rng: random.Random, body: str, indent: str, wild: float) -> str:
    """A literal or folded block scalar, header and lines."""
    width = rng.choice([None, None, None, 1, 2, 3, 4]) if rng.random() < wild else None
    chomp = rng.choice(["", "-", "+"]) if rng.random() < wild else rng.choice(["", "-"])
    header = rng.choice("|>") + "".join(rng.sample(
        [chomp, "" if width is None else str(width)], 2))
    if rng.random() < wild / 3:
        header += rng.choice([" # c", "  #c", " x"])
    inner = indent + " " * (width or rng.choice([1, 2, 3, 4] if rng.random() < wild else [2, 4]))
    lines = []
    for line in (body.split("\n") if rng.random() < 0.5 else body.split(" ")):
        choice = rng.random() / max(wild, 0.01)
        if choice < 0.2:
            lines.append("")
        elif choice < 0.4:
            lines.append(" " * rng.randint(1, len(inner) + 2))  # whitespace only
        elif choice < 0.6:
            lines.append(_near(rng, inner) + line)
        elif choice < 0.7:
            lines.append(inner + " " + line)  # more indented: kept as it is
        else:
            lines.append(inner + line if line else "")
    if rng.random() < 0.3:  # lines at the end: empty, or (wild) whitespace only
        lines.extend(rng.choice(["", " ", inner, inner + "  "] if rng.random() < wild else [""])
                     for _ in range(rng.randint(1, 3)))
    return header + "\n" + "\n".join(lines)


def _flow(rng: random.Random, indent: str, wild: float) -> str:
    """A flow sequence or mapping, on one line or several, of flow-ish scalars."""
    items = []
    for _ in range(rng.randint(0, 4)):
        body = text(rng, wild).replace("\n", " ")
        style = rng.random()
        if style < 0.2:
            body = "'" + body.replace("'", "''") + "'"
        elif style < 0.3:
            body = '"' + _escaped(rng, body) + '"'
        items.append(body)
    if rng.random() < 0.5:
        inner = ", ".join(items)
        text_ = f"[{inner}]"
    else:
        keys = rng.sample(["a", "b", "name", "x y", "nan", "inf"], len(items))
        pairs = [f"{k}: {v}" if rng.random() < 0.9 else f"{k}:{v}"
                 for k, v in zip(keys, items, strict=False)]
        text_ = "{" + ", ".join(pairs) + "}"
    if rng.random() < wild:
        out = []
        for char in text_:
            out.append(char)
            if char in ",[{" and rng.random() < 0.5:
                out.append(rng.choice(["\n", " # c\n", "\n\n", " \n"]) + _near(rng, indent + "  "))
        text_ = "".join(out)
    return text_


def _decorated(rng: random.Random, value: str, wild: float) -> str:
    """Sometimes an anchor, a tag or a comment around a value; sometimes an alias
    instead of it."""
    roll = rng.random() / max(wild, 0.01) * 0.3
    if roll < 0.04:
        return rng.choice(["&a ", "& ", "!!str ", "!x ", "! ", "&a !!str "]) + value
    if roll < 0.06:
        return rng.choice(["*a", "*", "* a", "*a "])
    if roll < 0.12 and "\n" not in value:
        return value + rng.choice([" # c", "  #c", "#c", " #"])
    return value


def _wildness(rng: random.Random) -> float:
    """How far from ordinary YAML a document strays (the share of odd choices made in
    it): some hardly at all, so the subset the fast reader takes is well covered too."""
    return rng.choice([0.0, 0.02, 0.1, 0.3, 0.5])


def document(rng: random.Random, wild: float | None = None) -> bytes:
    """A YAML document of a few keys and list items, each holding a generated value
    (``wild``: see _wildness)."""
    wild = _wildness(rng) if wild is None else wild
    lines = []
    for index in range(rng.randint(1, 4)):
        indent = rng.choice(["", "", "  "]) if index else ""
        shape = rng.random()
        value = _flow(rng, indent, wild) if rng.random() < 0.15 else scalar(rng, indent, wild)
        value = _decorated(rng, value, wild)
        key = rng.choice(_KEYS) if rng.random() < 0.2 else f"k{index}"
        if shape < 0.45:
            lines.append(f"{indent}{key}: {value}")
        elif shape < 0.7:
            lines.append(f"{indent}k{index}:\n{indent}- {value}")
            if rng.random() < 0.5:
                lines.append(f"{indent}- {_decorated(rng, scalar(rng, indent, wild), wild)}")
        elif shape < 0.85:
            dash = rng.choice(["- ", "-   "])
            pad = " " * len(dash)
            lines.append(f"{indent}k{index}:\n{indent}{dash}a: {value}\n{indent}{pad}b: "
                         f"{scalar(rng, indent + pad, wild)}")
        elif shape < 0.95:
            lines.append(f"{indent}{scalar(rng, indent, wild)}: {value}")  # a generated key
        else:
            lines.append(f"{indent}? {value}\n{indent}: x")
    return _finish(rng, "\n".join(lines), wild)


def _finish(rng: random.Random, text_: str, wild: float) -> bytes:
    """The document's line ends: LF or CRLF, a final line break or none."""
    ending = rng.random() * max(wild, 0.01) / 0.3
    if ending < 0.75:
        text_ += "\n"
    elif ending < 0.85:
        text_ += "\n\n"
    if rng.random() < 0.05:
        text_ = text_.replace("\n", "\r\n")
    if rng.random() < wild / 10:
        text_ = rng.choice(["---\n", "%YAML 1.1\n---\n", "# c\n", "\ufeff"]) + text_
    return text_.encode("utf-8")


# A small valid briefing; generated scalars replace one of its values.
BRIEFING = """\
schema_version: 1
briefing:
  title: A generated briefing
  date: 2017-11-29
  place: Minsk
  summary: Short.
  draft: false
  article:
    path: a.txt
    sha256: 283fe65e894c2b16b4a3172242951e3b995903b4b14df55c72dc38016731acf9
  source:
  - One excerpt.
trade_statistics:
- metric: Turnover
  value: 441.4
  unit: currency
  scale: million
  period: '2017'
  source:
  - Trade rose.
leaders:
- name: Someone
  role: President
  country: Kazakhstan
  statements:
  - kind: quote
    text: Words.
    source:
    - Words, he said.
  source:
  - Someone spoke.
"""
# Where a generated value goes: the line it replaces and that line's indentation.
_SLOTS = ["  title: A generated briefing", "  place: Minsk", "  summary: Short.",
          "  date: 2017-11-29", "  draft: false", "  value: 441.4", "  period: '2017'",
          "  - One excerpt.", "    text: Words.", "    - Words, he said.", "- name: Someone",
          "schema_version: 1"]


def briefing(rng: random.Random, wild: float | None = None) -> bytes:
    """BRIEFING with one value replaced by a generated one (``wild``: see _wildness)."""
    wild = _wildness(rng) if wild is None else wild
    slot = rng.choice(_SLOTS)
    head = slot[:len(slot) - len(slot.lstrip(" -"))]
    label = slot[len(head):].split(": ")[0] if ": " in slot else None
    indent = " " * len(head)
    if rng.random() < 0.2:
        value = rng.choice(_WORDS)
    else:
        value = _decorated(rng, _flow(rng, indent, wild) if rng.random() < 0.1
                           else scalar(rng, indent, wild), wild)
    line = f"{head}{label}: {value}" if label else f"{head}{value}"
    return _finish(rng, BRIEFING.rstrip("\n").replace(slot, line, 1), wild)


_SIGNIFICANT = list(":-?[]{},#&*!|>'\"%@`\\ \n~.0123456789eE+x") + ["  ", "\n  ", "- ", ": "]


def mutated(rng: random.Random) -> bytes:
    """A tame document or briefing with one to four edits: a character put in, taken
    out or replaced, a line indented or dedented, a line repeated; what shifts the
    structure rather than a scalar."""
    base = (briefing if rng.random() < 0.5 else document)(rng, 0.0)
    text_ = base.decode("utf-8")
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(text_))
        line_start = text_.rfind("\n", 0, at) + 1
        line_end = text_.find("\n", at) % (len(text_) + 1)
        action = rng.choice(["insert", "delete", "replace", "indent", "dedent", "repeat"])
        if action == "insert":
            text_ = text_[:at] + rng.choice(_SIGNIFICANT) + text_[at:]
        elif action == "delete":
            text_ = text_[:at] + text_[at + rng.randint(1, 3):]
        elif action == "replace":
            text_ = text_[:at] + rng.choice(_SIGNIFICANT) + text_[at + 1:]
        elif action == "indent":
            text_ = text_[:line_start] + " " * rng.randint(1, 2) + text_[line_start:]
        elif action == "dedent" and text_[line_start:line_start + 1] == " ":
            text_ = text_[:line_start] + text_[line_start + 1:]
        elif action == "repeat":
            text_ = text_[:line_end] + "\n" + text_[line_start:line_end] + text_[line_end:]
    return text_.encode("utf-8")



# Characters for the exhaustive pairs: printable ASCII, and a few others (accented, a
# curly quote, no-break and other Unicode spaces, one outside the BMP).
_PAIR_CHARACTERS = [chr(c) for c in range(0x21, 0x7F)] + [
    "é", "“", "\u00a0", "\u2009", "\u3000", "😀"]


def pairs() -> Iterator[tuple[str, bytes]]:
    """Every one and two characters (and with a space, after a letter...) as a scalar in
    each style and place: plain, in a list, in flow collections, continued, quoted,
    in block scalars, in a comment. 770,000 documents, named."""
    for first, second in itertools.product(_PAIR_CHARACTERS, repeat=2):
        for value in (first, first + second, f"{first} {second}", f"x{first}{second}",
                      f"x {first}{second}", f"x{first} {second}", f"x {first} {second}"):
            for place, doc in (("plain", f"k: {value}\n"), ("item", f"- {value}\n"),
                               ("flow list", f"k: [{value}]\n"),
                               ("flow mapping", f"k: {{a: {value}}}\n"),
                               ("continued", f"k: x\n  {value}\n"),
                               ("single-quoted", f"k: '{value}'\n"),
                               ("double-quoted", f'k: "{value}"\n'),
                               ("literal", f"k: |\n  {value}\n"),
                               ("folded", f"k: >\n  {value}\n  x\n"),
                               ("quoted over two lines", f"k: '{value}\n  {value}'\n"),
                               ("comment", f"k: a # {value}\n")):
                yield f"{value!r} {place}", doc.encode("utf-8")
