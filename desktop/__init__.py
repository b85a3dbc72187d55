"""Briefing Viewer: read, search and print briefing notes built from news articles."""

__version__ = "0.1.0"
