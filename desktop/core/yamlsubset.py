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

- block mappings whose keys are identifiers (but ``inf``, ``infinity`` and ``nan``),
  block sequences (one ``- `` per line);
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

Anything else, a tab or other control character, a line of spaces or a space at the
end of a line anywhere, or a file that does not end with a line break, and the answer
is no.
"""

from __future__ import annotations

import re

# Characters libyaml reads as line breaks or refuses and rapidyaml takes as text: NEL
# and the C1 controls, LS and PS, a BOM inside the text, U+FFFE and U+FFFF. Each is
# looked for only if its first byte occurs (a one-byte search is a memchr; a search
# for all of them at once is a regex scan of every byte of Cyrillic and curly quotes).
_ODD_CHARACTERS = ((b"\xc2", re.compile(rb"\xc2[\x80-\x9f]")),
                   (b"\xe2", re.compile(rb"\xe2\x80[\xa8\xa9]")),
                   (b"\xef", re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")))
_SPACE_AT_END = re.compile(rb" \n")  # a search here is faster than `in`


def _grammar() -> re.Pattern[bytes]:
    """The whole-file pattern, built from its parts; ``(?P=x)`` backreferences carry a
    line's indentation to the lines that continue its value."""
    # No class below takes a control character (C0 but the line feed, DEL): no line
    # of the subset holds one, tabs included.
    # Keys are identifiers, but not inf, infinity or nan: rapidyaml writes those as
    # ".inf" and ".nan", keys or not (values are taken care of in fastread).
    key = rb"(?:[A-Zabc-hj-mo-z_]|i(?!nf:|nfinity:)|n(?!an:))[A-Za-z0-9_]*+"
    text = rb"[^\x00-\x1f\x7f]*+"  # anything up to the end of the line
    comment = rb"[ ]++\#" + text
    # A plain scalar starts with ordinary text (not an indicator, not a space) and holds
    # no ": ", no " #", no backslash. Its bytes are taken as one run, spaces included,
    # stopping only at the rare colon or hash (an alternation tried at every byte would
    # cost several times as much); a hash after a space starts the line's comment.
    start = rb"(?:[^\x00-\x20\x7f\-?:,\[\]{}#&*!|>'\"%@`\\]|-[0-9A-Za-z])"
    run = rb"[^\x00-\x1f\x7f:#\\]*+"
    plain = start + run + rb"(?:(?::(?![ \n])|(?<![ ])\#)" + run + rb")*+"
    # In flow collections: no colon, no hash, no flow indicator at all.
    flow_plain = start + rb"[^\x00-\x1f\x7f:#,\[\]{}\\]*+"
    quoted_run = rb"[^\x00-\x1f\x7f']*+(?:''[^\x00-\x1f\x7f']*+)*+"
    single_line = rb"'" + quoted_run + rb"'"
    double_line = rb'"(?:[^\x00-\x1f\x7f"\\]|\\[\\"nt])*+"'
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
        quoted = (rb"'" + quoted_run + rb"(?:\n++" + more
                  + rb"(?:[^\x00-\x20\x7f']|'')" + quoted_run + rb")*+'")
        return (
            rb"(?:" + plain + rb"(?:\n(?:" + more + plain
            + rb"\n)*+|(?<=[ ])\#" + text + rb"\n)"
            + rb"|" + quoted + rb"(?:\n|" + comment + rb"\n)"
            + rb"|" + double_line + rb"(?:\n|" + comment + rb"\n)"
            + rb"|(?:" + flow_seq + rb"|" + flow_map + rb")(?:\n|" + comment + rb"\n)"
            + rb"|[|>]-?\n(?P<" + block + rb">" + more + rb")[^\x00-\x20\x7f]" + text
            + rb"\n(?:\n|(?P=" + block + rb")[^\x00-\x20\x7f]" + text + rb"\n)*+"
            + rb")"
        )

    after_key = rb":(?:[ ]++%s|(?:\n|" + comment + rb"\n))"
    # The indentation is read once per line, into the group the values' continuation
    # lines refer back to.
    line = (rb"(?:(?P<k>[ ]*+)(?:" + key + after_key % value(rb"(?P=k)")
            + rb"|-(?P<d>[ ]++)(?:" + key + after_key % value(rb"(?P=k)[ ](?P=d)")
            + rb"|" + value(rb"(?P=k)") + rb")|\#" + text + rb"\n)|\n)")
    return re.compile(line + rb"*+")


_GRAMMAR = _grammar()


# The grammar is matched a piece of about this size at a time: one call into the regex
# engine holds the interpreter's lock throughout, and a window loading in
# a thread would freeze meanwhile. Pieces end before a line that starts at column 0 and
# is not empty: no value continues there (continuation lines are indented two columns
# or more), so the pieces match exactly where the whole would.
PIECE_BYTES = 1 << 19
_PIECE_END = re.compile(rb"\n(?=[^ \n])")


def within(data: bytes) -> bool:
    """Whether ``data`` (UTF-8 with LF line ends) is all in the subset both parsers read
    alike (one pass of regular expressions over the bytes)."""
    if not data.endswith(b"\n") or _SPACE_AT_END.search(data):
        return False  # the grammar takes it that no line ends in a space
    if any(byte in data and odd.search(data) for byte, odd in _ODD_CHARACTERS):
        return False
    start, size = 0, len(data)
    while start < size:
        cut = _PIECE_END.search(data, start + PIECE_BYTES)
        end = cut.end() if cut else size
        match = _GRAMMAR.match(data, start, end)
        if match is None or match.end() != end:
            return False
        start = end
    return True
