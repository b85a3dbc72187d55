"""The project installs as a wheel that carries its resources and seed briefing."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def build_wheel(out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, capture_output=True)
    (wheel,) = out.glob("briefing_viewer-*.whl")
    return wheel


def test_wheel_carries_resources_fonts_schema_and_seed(tmp_path):
    names = set(zipfile.ZipFile(build_wheel(tmp_path)).namelist())
    for expected in ("desktop/cli.py", "desktop/core/model.py",
                     "desktop/_data/resources/briefing.schema.json",
                     "desktop/_data/resources/fonts/DejaVuSans.ttf",
                     "desktop/_data/seeds/kazakhstan-belarus-state-visit-2017-11.yaml",
                     "desktop/_data/seeds/kazakhstan-belarus-state-visit-2017-11.txt"):
        assert expected in names


def test_briefing_check_works_from_the_installed_wheel_in_any_folder(tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(build_wheel(tmp_path)).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = ("import desktop, desktop.paths as p, runpy, sys; "
            "print(desktop.__file__); print(p.seed_briefing()); sys.stdout.flush(); "
            "sys.argv = ['briefing', 'check', str(p.seed_briefing())]; "
            "runpy.run_module('desktop', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    module_file, seed, verdict = result.stdout.splitlines()
    assert module_file.startswith(str(site))
    assert seed.startswith(str(site / "desktop" / "_data" / "seeds"))
    assert verdict.startswith(f"{seed}: ok (2 leaders, 5 agreements")
