"""The JSON Schema and the field reference are written from the model and kept current."""

from __future__ import annotations

import json

from conftest import ROOT, SEED_BRIEFING

from desktop.core.schema import json_schema, json_schema_text, markdown_reference


def test_committed_json_schema_is_up_to_date():
    committed = (ROOT / "resources" / "briefing.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(), (
        "resources/briefing.schema.json is stale: run python -m desktop.core.schema")


def test_committed_field_reference_is_up_to_date():
    committed = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert committed == markdown_reference(), (
        "docs/format.md is stale: run python -m desktop.core.schema")


def test_seed_points_editors_at_the_schema():
    first_line = SEED_BRIEFING.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../resources/briefing.schema.json"


def test_schema_refuses_unknown_fields_and_lists_required_ones():
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["schema_version", "briefing"]
    leader = schema["$defs"]["Leader"]
    assert leader["required"] == ["name", "role", "country", "source"]
    assert leader["properties"]["source"]["minItems"] == 1
    status = schema["$defs"]["Agreement"]["properties"]["status"]["enum"]
    assert {"signed", "adopted", "considered"} <= set(status)
    json.dumps(schema)  # plain JSON all the way down
