"""Pausing the cyclic garbage collector while many objects that never form cycles are
made: a briefing loaded, unpickled or indexed, a PDF laid out.

Each young collection would rescan all of them, and the next full one walk them all, in
whichever thread trips it, holding the interpreter's lock (a 50,000-entry file took six
times as long to compose with the collector running). Nothing made here is cyclic, so
reference counting frees it anyway. Paused, the collector still lists every new object
in its youngest generation, and its first collection afterwards would walk them all at
once; ``freeze`` moves them out of its sight instead, which suits what lives long (a
loaded briefing, its index) and costs nothing for what is freed soon.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(*, freeze: bool = True) -> Iterator[None]:
    """The collector off for the block (as it was, after it); what the block made is
    frozen out of its sight unless ``freeze`` is False."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def off_for_start_up() -> None:
    """The collector off until ``back_on``: for a process that makes a great many objects
    and frees almost none before its work is done (`briefing check` reading one file, the
    window starting up), so a collection would only walk them again and again."""
    gc.disable()


def back_on() -> None:
    gc.enable()
