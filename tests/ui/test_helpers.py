"""Qt-free helpers of the viewer: whether a window can open here."""

from __future__ import annotations

import pytest

from desktop.ui.display import display_problem


@pytest.mark.parametrize(("env", "fragment"), [
    ({}, "no display"),
    ({"DISPLAY": "", "WAYLAND_DISPLAY": ""}, "--screenshot"),
])
def test_no_display_is_one_clear_line(env, fragment):
    problem = display_problem(env, platform="linux")
    assert problem is not None and fragment in problem and "\n" not in problem


@pytest.mark.parametrize("env", [
    {"QT_QPA_PLATFORM": "offscreen"},
    {"WAYLAND_DISPLAY": "wayland-0"},
])
def test_a_chosen_platform_or_wayland_is_left_to_qt(env):
    assert display_problem(env, platform="linux") is None


def test_other_systems_are_left_to_qt():
    assert display_problem({}, platform="win32") is None
