"""Loading a briefing file: bytes -> text -> nodes -> model, every failure a Problem."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache, gcpause, textfile
from .model import Briefing

if TYPE_CHECKING:
    import yaml


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded briefing with where it came from.

    ``root`` keeps the YAML nodes so later checks (excerpts, arithmetic) can point at
    line and column; callers that only display the briefing can drop the Document.
    """

    path: Path
    briefing: Briefing
    root: yaml.Node


def load_document(path: str | Path, *, max_bytes: int | None = None) -> Document:
    """Read and validate a briefing file.

    Raises UnreadableFileError when the file cannot be read at all, and BriefingError
    (with every problem found, each with its line and column) when it is not a valid
    briefing.
    """
    path = Path(path)
    text = textfile.decode(textfile.read_bytes(path, max_bytes), str(path))
    return parse_document(text, path)


def parse_document(text: str, path: Path) -> Document:
    """Validate briefing text that claims to come from ``path``."""
    from . import validate, yamlread  # PyYAML is imported only when something is parsed

    name = str(path)
    with gcpause.paused():
        root = yamlread.compose(text, name)
        briefing = validate.to_briefing(root, name)
    assert root is not None  # to_briefing refuses an empty document
    return Document(path=path, briefing=briefing, root=root)


def load_briefing(path: str | Path) -> Briefing:
    """The briefing in a file, for display: from the validated-briefing cache when these
    exact bytes were loaded before (see cache.py), else read: by fastread.py when it can
    vouch for the result, else the exact way, and then cached.

    Raises as load_document does.
    """
    path = Path(path)
    data = textfile.read_bytes(path)
    briefing = cache.get(data)
    if briefing is None:
        # Decoded first, for both readers: bad UTF-8 is reported at its position.
        text = textfile.decode(data, str(path))
        briefing = _read_fast(data)
        if briefing is None:
            document = parse_document(text, path)
            briefing = document.briefing
            _release(document.root)
            # Only worth it after the exact reader: pickling costs about what reading the
            # file again the fast way would.
            cache.put(data, briefing)
    return briefing


def _read_fast(data: bytes) -> Briefing | None:
    """The briefing by fastread's route, for files large enough to gain from it; None
    when it steps aside (see fastread.py) and the exact reader must decide."""
    from . import fastread

    if len(data) < fastread.MIN_BYTES:
        return None
    with gcpause.paused():
        return fastread.read(data.removeprefix(codecs.BOM_UTF8))


def _release(root: yaml.Node) -> None:
    """Free a node tree an entry at a time rather than in one go.

    Dropped whole, a 50,000-entry tree (a million nodes) is freed in one C call that
    holds the GIL throughout; when a worker thread loads for the window, that is the
    window frozen. Popping the entries one by one frees the same objects with the
    interpreter free to switch threads in between.
    """
    for _key, section in getattr(root, "value", ()):
        entries = section.value
        if isinstance(entries, list):
            while entries:
                entries.pop()
