"""How a briefing's values read, the same in every view (Qt-free).

The window, the PDF export and the command line write a figure, a change, a date or a
chart through these modules and no other code, so screen and print never disagree:
``numbers`` (figures, changes, derived arithmetic), ``dates`` (dates and periods),
``figures`` (which figures the charts compare, which are key figures), ``describe`` (an
entry as labelled lines), ``excerpts`` (where an excerpt sits in the article).

The layering: ``core`` knows the format and nothing of how it is shown; ``present`` uses
``core`` only and never Qt (a test imports it and looks); ``ui``, ``export`` and the
command line use both.
"""
