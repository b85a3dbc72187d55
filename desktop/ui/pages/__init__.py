"""The window's pages, one a tab: the interface they share (base.py), each kind of page,
and the registry listing them (registry.py)."""
