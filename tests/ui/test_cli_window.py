"""`briefing [FILE] --screenshot OUT.png`, and the one-line answer when there is no display."""

from __future__ import annotations

from conftest import SEED_BRIEFING, run_cli
from PySide6.QtGui import QImage

from desktop.ui.mainwindow import DEFAULT_SIZE


def _distinct_colours(image: QImage) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), 7)
                for y in range(0, image.height(), 7)})


def test_screenshot_writes_a_non_blank_png_of_the_window_size(tmp_path):
    out = tmp_path / "window.png"
    result = run_cli("--screenshot", str(out), "--tab", "trade",
                     env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == DEFAULT_SIZE
    assert _distinct_colours(image) > 20
    assert not list(tmp_path.glob(".*partial"))


def test_screenshot_of_a_bad_file_shows_the_banner_and_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 2\n", encoding="utf-8")
    out = tmp_path / "bad.png"
    result = run_cli(str(bad), "--screenshot", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}:1:")
    assert out.exists()


def test_screenshot_into_a_missing_folder_is_one_line_and_exit_2(tmp_path):
    result = run_cli(str(SEED_BRIEFING), "--screenshot", str(tmp_path / "no" / "x.png"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr


def test_no_display_is_one_line_and_exit_2_instead_of_an_abort():
    result = run_cli(env={"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "--screenshot" in result.stderr and "export" in result.stderr


def test_desktop_entry_and_icon_are_valid(qapp):
    import shutil
    import subprocess

    import pytest
    from PySide6.QtGui import QIcon

    from desktop.paths import resources_dir

    entry = resources_dir() / "briefing-viewer.desktop"
    icon = resources_dir() / "icons" / "briefing-viewer.svg"
    assert "Icon=briefing-viewer" in entry.read_text(encoding="utf-8")
    assert not QIcon(str(icon)).pixmap(64, 64).toImage().isNull()
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate (Debian desktop-file-utils) is not installed")
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                            text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def _pixels_of(image: QImage, colour: str) -> int:
    from PySide6.QtGui import QColor

    wanted = QColor(colour).rgb()
    return sum(image.pixel(x, y) == wanted for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2))


def test_query_option_filters_and_marks_the_hits_in_the_screenshot(tmp_path, qapp):
    from desktop.ui import theme

    hit = theme.search_background().name()
    shots = {}
    for name, extra in (("plain", ()), ("query", ("--query", "belarus"))):
        out = tmp_path / f"{name}.png"
        result = run_cli(str(SEED_BRIEFING), "--tab", "leaders", *extra, "--screenshot",
                         str(out))
        assert result.returncode == 0, result.stderr
        shots[name] = QImage(str(out))
    assert _pixels_of(shots["plain"], hit) == 0
    assert _pixels_of(shots["query"], hit) > 200  # "Belarus" marked in list and pane


def test_start_turns_the_gc_back_on_and_adds_the_pdf_fonts_once_painted(qapp, qtbot,
                                                                       monkeypatch):
    # `briefing` starts with the cyclic GC off and only the fonts the window draws with.
    import gc
    import sys

    from desktop.bundled_fonts import font_families
    from desktop.cli import _window_parser
    from desktop.paths import fonts_dir
    from desktop.ui import app as ui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start() installs its own
    args = _window_parser().parse_args([])
    gc.disable()
    try:
        _application, window = ui.start(args, None, ui.preload(args))
        qtbot.addWidget(window)
        qtbot.waitUntil(gc.isenabled, timeout=5000)
    finally:
        gc.enable()
    assert window.briefing() is not None
    assert set(font_families()) == {path.name for path in fonts_dir().glob("*.ttf")}


def test_screenshot_of_a_file_with_a_huge_number_shows_the_banner_and_exits_1(seed_copy,
                                                                              tmp_path):
    # On the Trade tab this was an OverflowError in the chart, then a segmentation fault.
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("value: 441.4", "value: " + "9" * 400, 1),
                         encoding="utf-8")
    out = tmp_path / "huge.png"
    result = run_cli(str(seed_copy), "--tab", "trade", "--screenshot", str(out))
    assert result.returncode == 1
    assert result.stderr == (
        f"{seed_copy}:175:12: trade_statistics[0].value: 99999999999999999999... is too long "
        "for a number (400 characters; a number has at most 15 significant digits)\n")
    assert out.exists()
