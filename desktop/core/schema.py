"""The format, written out from the model: JSON Schema for editors, Markdown for people.

Run ``python -m desktop.core.schema`` to rewrite ``resources/briefing.schema.json`` and
``docs/format.md``; a test fails when either is out of date.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import typing
from pathlib import Path
from typing import Any

from .model import (
    ARITHMETIC_MAX_CHARS,
    ARITHMETIC_MAX_DEPTH,
    NUMBER_MAX_DIGITS,
    NUMBER_MAX_EXPONENT,
    NUMBER_MIN_EXPONENT,
    SCHEMA_VERSION,
    Briefing,
    Header,
)
from .rules import allows_none, field_rules, type_kind


def _classes(root: type = Briefing) -> list[type]:
    """Every dataclass reachable from ``root``, in the order they are first met."""
    seen: list[type] = []

    def visit(tp: Any) -> None:
        kind, arg = type_kind(tp)
        if kind == "list":
            visit(arg)
        elif kind == "model" and arg not in seen:
            seen.append(arg)
            for rule in field_rules(arg).values():
                visit(rule.type)

    visit(root)
    return seen


def _type_schema(tp: Any) -> dict[str, Any]:
    """The JSON Schema of a model type, read as the readers read it (rules.type_kind)."""
    kind, arg = type_kind(tp)
    schema: dict[str, Any]
    if kind == "model":
        schema = {"$ref": f"#/$defs/{arg.__name__}"}
    elif kind == "list":
        schema = {"type": "array", "items": _type_schema(arg)}
    elif kind == "choice":
        if all(isinstance(a, str) for a in arg):
            schema = {"type": "string", "enum": list(arg)}
        else:
            schema = {"const": arg[0]} if len(arg) == 1 else {"enum": list(arg)}
    elif kind == "number":
        # Digits and the lower bound on size have no JSON Schema keyword; the size does.
        schema = {"type": "number", "exclusiveMinimum": -10 ** NUMBER_MAX_EXPONENT,
                  "exclusiveMaximum": 10 ** NUMBER_MAX_EXPONENT}
    else:
        schema = {"type": "string" if kind == "text" else "boolean"}
    return {"anyOf": [schema, {"type": "null"}]} if allows_none(tp) else schema


def _class_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for f in dataclasses.fields(cls):
        prop = _type_schema(hints[f.name])
        target = prop["anyOf"][0] if "anyOf" in prop else prop
        item = target.get("items", target) if target.get("type") == "array" else target
        meta = f.metadata
        if "pattern" in meta:
            item["pattern"] = meta["pattern"]
        if meta.get("min_length"):
            item["minLength"] = meta["min_length"]
        if meta.get("min_items"):
            target["minItems"] = meta["min_items"]
        if meta.get("arithmetic"):
            item["maxLength"] = ARITHMETIC_MAX_CHARS
        prop = {"description": meta["doc"], **prop}
        if f.default is dataclasses.MISSING:
            required.append(f.name)
        elif f.default not in ((), None):
            prop["default"] = f.default
        if meta.get("example") is not None:
            prop["examples"] = [meta["example"]]
        properties[f.name] = prop
    return {"type": "object", "description": inspect.cleandoc(cls.__doc__ or ""),
            "properties": properties, "required": required, "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a briefing file, for editors such as VS Code."""
    root = _class_schema(Briefing)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Briefing note, schema version {SCHEMA_VERSION}",
        **root,
        "$defs": {cls.__name__: _class_schema(cls) for cls in _classes()[1:]},
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _type_words(tp: Any) -> str:
    kind, arg = type_kind(tp)
    if kind == "model":
        return f"[{arg.__name__}](#{arg.__name__.lower()})"
    if kind == "list":
        return f"list of {_type_words(arg)}"
    if kind == "choice":
        return " \\| ".join(f"`{a}`" for a in arg)
    return {"number": "[number](#numbers-and-arithmetic)", "text": "text",
            "flag": "true/false"}[kind]


def _checked_words() -> str:
    """The checked fields, by class, as the reference lists them."""
    from .origins import CHECKED

    parts = [f"{cls.__name__ if cls is not Header else 'the briefing section'}'s "
             + ", ".join(f"`{path.replace('[]', '')}`" for path, _sort in fields)
             for cls, fields in CHECKED.items()]
    return "; ".join(parts)


def markdown_reference() -> str:
    """The field reference in docs/format.md."""
    lines = [
        "<!-- Written by `python -m desktop.core.schema` from desktop/core/model.py; "
        "do not edit by hand. -->",
        f"# Briefing format, schema version {SCHEMA_VERSION}: field reference",
        "",
        "A briefing is one YAML file (UTF-8). Each section below is a mapping; list sections "
        "hold mappings of the kind named. Required fields are marked **yes**. Unknown fields "
        "are refused, so a typo never passes silently.",
        "",
        "## Numbers and arithmetic",
        "",
        "Every number (a figure's `value`, a change's `value`, each number in a derived "
        f"figure's `arithmetic`) is finite, has at most {NUMBER_MAX_DIGITS} significant "
        f"digits, and is 0 or between 10^{NUMBER_MIN_EXPONENT} and 10^{NUMBER_MAX_EXPONENT} "
        f"in size. {NUMBER_MAX_DIGITS} digits is the most a 64-bit float gives back as "
        "written, so every check compares the figure the author wrote; 10^15 is a "
        "quadrillion, more than any figure an article states even in trillions. So `.inf`, "
        "`.nan`, `1.0e+308`, a "
        "400-digit integer, `1.0e-400` (which a float reads as 0) and "
        "`441.400000000000000001` (read as 441.4) are each refused with their position.",
        "",
        "A derived figure's `arithmetic` is numbers, `+ - * /` and parentheses, nothing "
        f"else: at most {ARITHMETIC_MAX_CHARS} characters, at most "
        f"{ARITHMETIC_MAX_DEPTH} parentheses and signs open at once (`-(-(1))` has four), "
        "no division by zero, and no step whose result is beyond what a float holds (about "
        "1.8e308) or nearer zero than it holds exactly (about 2.2e-308). It is evaluated "
        "when the file is read, so arithmetic that breaks these rules is a problem of the "
        "file like any other; `briefing check` then proves that its result, rounded to the "
        "decimal places of `value`, is `value`.",
        "",
        "## Where values come from",
        "",
        "Every value is one of: **stated** (found in its entry's `source` excerpts: the "
        "default), **derived** (a figure's `derived` arithmetic), **inferred** (a reading of "
        "the article, listed under the entry's `inferred` with the reading) or **added** "
        "(knowledge from outside the article, listed under `added` with where it comes "
        "from); see [Marking](#marking). `briefing check` reports, each at its line and "
        "column, every value a reader would take for the article's own that is none of "
        f"these: {_checked_words()}. Names are matched word by word, whatever their case "
        "and accents (but not across scripts), a word also matching one it begins or that "
        "begins it (Belarus, Belarusian); countries also by their demonyms and short names "
        "(Kazakh, UK); roles by their usual variants (Premier, Prime Minister); periods "
        "and months also when spelled out (\"the first nine months of 2017\" states "
        "January to September 2017; \"year on year\" the year before); a day is stated "
        "by its number beside a month. The `dateline` must be in the first 300 characters "
        "of the article. The window and the printed briefing show an inferred value with "
        "† after it and an added one with ‡, the reason beside it (a tooltip, a note "
        "line); derived figures are marked \"derived\" with their arithmetic, and never "
        "stand among the key figures.",
        "",
    ]
    for cls in _classes():
        hints = typing.get_type_hints(cls)
        lines += [f"## {cls.__name__}", "", inspect.cleandoc(cls.__doc__ or ""), "",
                  "| field | type | required | meaning |", "|---|---|---|---|"]
        for f in dataclasses.fields(cls):
            required = "**yes**" if f.default is dataclasses.MISSING else ""
            meaning = f.metadata["doc"]
            if f.metadata.get("example") is not None:
                meaning += f" Example: `{json.dumps(f.metadata['example'], ensure_ascii=False)}`."
            meaning = meaning.replace("|", "\\|")
            lines.append(f"| `{f.name}` | {_type_words(hints[f.name])} | {required} | "
                         f"{meaning} |")
        lines.append("")
    return "\n".join(lines)


def project_root() -> Path:
    return Path(__file__).resolve().parents[2]


def main() -> None:
    root = project_root()
    (root / "resources" / "briefing.schema.json").write_text(json_schema_text(),
                                                             encoding="utf-8")
    (root / "docs" / "format.md").write_text(markdown_reference(), encoding="utf-8")


if __name__ == "__main__":
    main()
