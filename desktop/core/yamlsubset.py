"""The YAML the fast reader takes: a subset both parsers are known to read alike.

libyaml (YAML 1.1, the exact reader) and rapidyaml (YAML 1.2, the fast reader) part
ways on many corners of YAML: comments inside flow collections that span lines, empty
anchor names, a ``:`` starting a flow value, escaped line breaks, block scalars with
indentation indicators or keep chomping, whitespace-only lines... Rather than list the
corners (a list the issue tracker kept finding holes in), this module says which YAML
is *in*: a whole file matches one grammar, line by line, or the fast reader steps
aside. What the grammar admits is what ordinary briefings are made of and what the two
parsers have been checked to agree on (``benchmarks/readers_agree.py``: the YAML test
suite and generated documents):

- block mappings whose keys are identifiers, block sequences (one ``- `` per line);
- plain scalars that start with a letter, a digit or other ordinary text, without
  ``: `` or `` #`` inside, continued on lines indented at least two columns past
  their parent;
- single-quoted scalars, continued the same way (no line ending in a space);
- double-quoted scalars on one line with only the ``\\ \\" \\n \\t`` escapes;
- ``[...]`` and ``{...}`` on one line, holding such scalars (a mapping may hold a list),
  with no ``:`` or ``#`` in their plain scalars;
- literal and folded block scalars with no indicator but ``-``, every line of their
  text indented the same, at least two columns past their parent;
- comments after a value or on a line of their own, and empty lines between entries.

Anything else, a tab, a line of spaces or a space at the end of a line anywhere, or a
file that does not end with a line break, and the answer is no.
"""

from __future__ import annotations

import re

# Bytes no line of the subset holds: C0 controls but the line feed, and DEL.
_CONTROLS = bytes(range(0x20)).translate(None, b"\n") + b"\x7f"
_NOT_CONTROLS = bytes(range(256)).translate(None, _CONTROLS)
# Characters libyaml reads as line breaks or refuses and rapidyaml takes as text: NEL
# and the C1 controls, LS, PS, a BOM inside the text, U+FFFE and U+FFFF.
_ODD_CHARACTERS = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")


def _grammar() -> re.Pattern[bytes]:
    """The whole-file pattern, built from its parts; ``(?P=x)`` backreferences carry a
    line's indentation to the lines that continue its value."""
    key = rb"[A-Za-z_][A-Za-z0-9_]*+"
    comment = rb"[ ]++\#[^\n]*+"
    # A plain scalar starts with ordinary text (not an indicator, not a space) and holds
    # no ": ", no " #", no backslash. Its bytes are taken as one run, spaces included,
    # stopping only at the rare colon or hash (an alternation tried at every byte would
    # cost several times as much); where it ends says whether a space came last.
    start = rb"(?:[^\x00-\x20\x7f\-?:,\[\]{}#&*!|>'\"%@`\\]|-[0-9A-Za-z])"
    run = rb"[^\x00-\x1f\x7f:#\\]*+"
    plain = start + run + rb"(?:(?::(?![ \n])|(?<![ ])\#)" + run + rb")*+"
    # In flow collections: no colon, no hash, no flow indicator at all.
    flow_plain = start + rb"[^\x00-\x1f\x7f:#,\[\]{}\\]*+"
    quoted_run = rb"[^'\n]*+(?:''[^'\n]*+)*+"
    single_line = rb"'" + quoted_run + rb"'"
    double_line = rb'"(?:[^"\\\n]|\\[\\"nt])*+"'
    flow_scalar = rb"(?:" + flow_plain + rb"|" + single_line + rb"|" + double_line + rb")"
    flow_seq = (rb"\[[ ]*+(?:" + flow_scalar + rb"(?:[ ]*+,[ ]*+" + flow_scalar
                + rb")*+[ ]*+)?\]")
    flow_value = rb"(?:" + flow_scalar + rb"|" + flow_seq + rb")"
    flow_map = (rb"\{[ ]*+(?:" + key + rb":[ ]++" + flow_value + rb"(?:[ ]*+,[ ]*+" + key
                + rb":[ ]++" + flow_value + rb")*+[ ]*+)?\}")
    counter = iter(range(1000))

    def value(parent: bytes) -> bytes:
        """A value after "key: " or "- ", with its line break and continuation lines,
        which are indented past ``parent`` (the parent's indentation, as a pattern) by
        two columns or more."""
        more = parent + rb"[ ][ ][ ]*+"
        block = rb"b%d" % next(counter)
        quoted = (rb"'" + quoted_run + rb"(?:(?<![ ])\n++" + more
                  + rb"(?:[^'\n ]|'')" + quoted_run + rb")*+'")
        return (
            rb"(?>" + plain + rb"(?:(?<=[ ])\#[^\n]*+\n|(?<![ ])\n(?:" + more + plain
            + rb"(?<![ ])\n)*+)"
            + rb"|" + quoted + rb"(?:" + comment + rb")?\n"
            + rb"|" + double_line + rb"(?:" + comment + rb")?\n"
            + rb"|(?:" + flow_seq + rb"|" + flow_map + rb")(?:" + comment + rb")?\n"
            + rb"|[|>]-?\n(?P<" + block + rb">" + more + rb")[^ \n][^\n]*+(?<![ ])\n"
            + rb"(?:\n|(?P=" + block + rb")[^ \n][^\n]*+(?<![ ])\n)*+"
            + rb")"
        )

    after_key = rb":(?:[ ]++%s|(?:" + comment + rb")?\n)"
    # The indentation is read once per line, into the group the values' continuation
    # lines refer back to.
    line = (rb"(?:\n|(?P<k>[ ]*+)(?:\#[^\n]*+\n|" + key + after_key % value(rb"(?P=k)")
            + rb"|-(?P<d>[ ]++)(?:" + key + after_key % value(rb"(?P=k)[ ](?P=d)")
            + rb"|" + value(rb"(?P=k)") + rb")))")
    return re.compile(line + rb"*+")


_GRAMMAR = _grammar()


def within(data: bytes) -> bool:
    """Whether ``data`` (UTF-8 with LF line ends) is all in the subset both parsers read
    alike; a few milliseconds per megabyte."""
    if not data.endswith(b"\n"):
        return False
    if data.translate(None, _NOT_CONTROLS):
        return False
    if (b"\xc2" in data or b"\xe2\x80" in data or b"\xef" in data) and (
            _ODD_CHARACTERS.search(data)):
        return False
    match = _GRAMMAR.match(data)
    return match is not None and match.end() == len(data)
