"""The Qt-free core: the briefing model, loading and validation, checks, search, extraction.

Nothing under ``desktop.core`` may import Qt; the tests enforce it.
"""
