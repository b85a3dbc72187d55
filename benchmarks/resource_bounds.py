"""Resource bounds of issue 7, measured and printed.

    python benchmarks/resource_bounds.py              # everything
    python benchmarks/resource_bounds.py --skip-raised   # not the 50 MB loads (~1 min)

1. Memory: one window opens 100 briefings in turn (the seed and a 1,000-entry generated
   one, alternately, every tab shown); the resident set size (/proc/self/statm, after
   gc.collect) must grow by less than 10 MB after the first round.
2. A 50 MB briefing is refused quickly, naming the limit and how to raise it: in
   `briefing check` (a fresh process) and in the window's banner.
3. With BRIEFING_MAX_BYTES raised, the same file is checked and opened in the window:
   time and peak memory of each (a fresh process each, so the peak is its own).
Offscreen Qt; the validated-briefing cache goes to a temporary folder.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
SEED = ROOT / "seeds" / "kazakhstan-belarus-state-visit-2017-11.yaml"
OPENS = 100
GROWTH_LIMIT_MB = 10.0


def rss_mb() -> float:
    """Resident set size now, from /proc/self/statm (pages), in MB."""
    resident = int(Path("/proc/self/statm").read_text().split()[1])
    return resident * os.sysconf("SC_PAGE_SIZE") / 1e6


def settled_rss_mb() -> float:
    gc.collect()
    return rss_mb()


# --- 1. memory over 100 opens ----------------------------------------------------------


def open_and_show(app, window, path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent

    window.open_file(path)
    while window.loader.is_busy():
        app.processEvents()
        time.sleep(0.002)
    for name in window.tab_names:  # every page built and filled, as a reader would
        window.select_tab(name)
        app.processEvents()
    # processEvents() outside a running event loop leaves deleteLater() undone; a running
    # window does it on its next turn, so do it here as that turn would.
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if window.banner.isVisible():
        raise SystemExit(f"{path} did not open: {window.banner.lines()}")


def memory_over_opens(folder: Path) -> bool:
    from generate_briefing import write
    from PySide6.QtWidgets import QApplication

    from desktop.ui.fonts import register_bundled_fonts
    from desktop.ui.mainwindow import MainWindow

    generated = write(1000, folder / "generated" / "briefing.yaml")
    app = QApplication.instance() or QApplication([])
    register_bundled_fonts()
    window = MainWindow()
    window.show()
    files = [SEED, generated]
    for path in files:  # the first round builds every page and imports every module
        open_and_show(app, window, path)
    before = settled_rss_mb()
    samples = []
    started = time.perf_counter()
    for number in range(OPENS):
        open_and_show(app, window, files[number % 2])
        if number % 20 == 19:
            samples.append(settled_rss_mb())
    seconds = time.perf_counter() - started
    growth = settled_rss_mb() - before
    window.close()
    print(f"memory: {OPENS} opens (seed and 1,000 entries alternately) in {seconds:.1f} s; "
          f"RSS {before:.1f} MB after the first round, then "
          + ", ".join(f"{s:.1f}" for s in samples)
          + f" MB every 20 opens: growth {growth:+.1f} MB "
          f"(limit {GROWTH_LIMIT_MB:.0f} MB) -> {'ok' if growth < GROWTH_LIMIT_MB else 'FAIL'}")
    return growth < GROWTH_LIMIT_MB


# --- 2 and 3. a 50 MB file ---------------------------------------------------------------


def write_large(path: Path, megabytes: int) -> Path:
    """A valid briefing of about ``megabytes`` MB with its article, written in chunks of
    10,000 generated entries so no 50 MB structure is ever held in memory here."""
    import hashlib

    import yaml
    from generate_briefing import generate

    if path.exists() and path.stat().st_size > megabytes * 1e6 * 0.95:
        return path
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    sections: dict[str, list[str]] = {}
    articles: list[str] = []
    size, seed = 0, 0
    header = None
    while size < megabytes * 1e6:
        seed += 1
        data, article = generate(10_000, seed)
        header = header or data["briefing"]
        articles.append(article)
        for section, entries in data.items():
            if section in ("schema_version", "briefing"):
                continue
            text = yaml.dump(entries, Dumper=dumper, allow_unicode=True, sort_keys=False,
                             width=100)
            sections.setdefault(section, []).append(text)
            size += len(text.encode())
    article_text = "".join(articles)
    assert header is not None
    header["title"] = f"Generated briefing of about {megabytes} MB"
    header["article"]["sha256"] = hashlib.sha256(article_text.encode()).hexdigest()
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.parent / "article.txt").write_text(article_text, encoding="utf-8")
    with path.open("w", encoding="utf-8") as out:
        out.write(yaml.dump({"schema_version": 1, "briefing": header}, Dumper=dumper,
                            allow_unicode=True, sort_keys=False, width=100))
        for section, parts in sections.items():
            out.write(f"{section}:\n")
            out.writelines(parts)
    return path


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, str, int]:
    """Seconds, peak RSS (MB, the child's VmHWM), its output, and its exit code."""
    started = time.perf_counter()
    code = ("import runpy, sys; sys.argv = sys.argv[1:]\n"
            "try:\n"
            "    if sys.argv[0] == '-m':\n"
            "        sys.argv = sys.argv[1:]\n"
            "        runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
            "    else:\n"
            "        runpy.run_path(sys.argv[0], run_name='__main__')\n"
            "finally:\n"
            "    peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
            "    print('PEAK_KB', peak[0].split()[1], file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                            text=True, env={**os.environ, **env}, cwd=ROOT, timeout=900)
    seconds = time.perf_counter() - started
    peak = 0.0
    lines = []
    for line in result.stderr.splitlines():
        if line.startswith("PEAK_KB "):
            peak = int(line.split()[1]) / 1024
        elif "propagateSizeHints" not in line:  # offscreen Qt's notice, not ours
            lines.append(line)
    output = " | ".join(filter(None, [*result.stdout.splitlines(), *lines]))
    return seconds, peak, output.strip(), result.returncode


CHECK = ["-m", "desktop", "check", "-q"]
WINDOW_SCRIPT = """
import sys, time
from PySide6.QtWidgets import QApplication
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.mainwindow import MainWindow
app = QApplication([])
register_bundled_fonts()
window = MainWindow()
window.show()
started = time.perf_counter()
window.open_file(sys.argv[1])
while window.loader.is_busy():
    app.processEvents()
    time.sleep(0.005)
app.processEvents()
seconds = time.perf_counter() - started
if window.banner.isVisible():
    print(f"banner after {seconds:.2f} s: " + " | ".join(window.banner.lines()))
else:
    print(f"opened after {seconds:.2f} s: {window.briefing().briefing.title}")
"""


def large_file(folder: Path, raised: bool) -> None:
    started = time.perf_counter()
    big = write_large(folder / "large" / "briefing.yaml", 50)
    size = big.stat().st_size
    print(f"large file: {big} ({size / 1e6:.1f} MB, written in "
          f"{time.perf_counter() - started:.0f} s)")
    window_script = folder / "open_in_window.py"
    window_script.write_text(WINDOW_SCRIPT, encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT), "BRIEFING_CACHE_DIR": str(folder / "cache")}
    env_default = {**env, "BRIEFING_MAX_BYTES": ""}

    from desktop.core.problems import BriefingError
    from desktop.core.textfile import read_bytes

    started = time.perf_counter()
    try:
        read_bytes(big, 32 * 1024 * 1024)
    except BriefingError as exc:
        print(f"refused in-process in {(time.perf_counter() - started) * 1e6:.0f} µs: "
              f"{exc.problems[0]}")
    seconds, peak, output, code = run_measured([*CHECK, str(big)], env_default)
    print(f"briefing check (default limit): exit {code} in {seconds:.2f} s "
          f"(process start included), peak {peak:.0f} MB: {output}")
    seconds, peak, output, _code = run_measured([str(window_script), str(big)], env_default)
    print(f"window (default limit): {output}; whole process {seconds:.2f} s, "
          f"peak {peak:.0f} MB")
    if not raised:
        return
    env_raised = {**env, "BRIEFING_MAX_BYTES": str(100 * 1024 * 1024)}
    seconds, peak, output, code = run_measured([*CHECK, str(big)], env_raised)
    print(f"briefing check (BRIEFING_MAX_BYTES=100 MiB): exit {code} in {seconds:.1f} s, "
          f"peak {peak:.0f} MB: {output[:200]}")
    shutil.rmtree(folder / "cache", ignore_errors=True)  # the first open must parse
    for attempt in ("first open, parsed", "second open, from the cache"):
        seconds, peak, output, _code = run_measured([str(window_script), str(big)],
                                                    env_raised)
        print(f"window (BRIEFING_MAX_BYTES=100 MiB, {attempt}): {output[:200]}; "
              f"whole process {seconds:.1f} s, peak {peak:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-raised", action="store_true",
                        help="do not load the 50 MB file with the limit raised")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "briefing-resource-bounds"
    os.environ["BRIEFING_CACHE_DIR"] = str(folder / "cache")
    ok = True
    if not args.skip_memory:
        ok = memory_over_opens(folder)
    large_file(folder, raised=not args.skip_raised)
    print(f"this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
          " MB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
