"""A briefing as YAML text: fields in model order, empty ones left out, same bytes every run."""

from __future__ import annotations

import dataclasses
from typing import Any

import yaml

from ..model import Briefing

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


class _NoAliases(_Dumper):  # type: ignore[misc, valid-type]
    """Shared values (one products list for several places) written out in full: anchors
    would make a reader follow references, and the loader counts them against a limit."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is None or item == () or (f.name == "draft" and item is False):
                continue
            out[f.name] = _plain(item)
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def dump(briefing: Briefing, header_comment: str | None = None) -> str:
    """YAML text for the briefing, optionally after a comment block (e.g. the schema line)."""
    body = yaml.dump(_plain(briefing), Dumper=_NoAliases, sort_keys=False, allow_unicode=True,
                     width=100, default_flow_style=False)
    return (header_comment or "") + body
