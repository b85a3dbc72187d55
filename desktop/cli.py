"""The `briefing` command: the window with no subcommand, headless jobs with one.

Qt is imported only by the commands that draw, so `briefing check` starts in the time it
takes to import PyYAML. User mistakes end as one line and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
TABS = ("overview", "leaders", "agreements", "trade", "cooperation", "timeline", "source")


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as `briefing` promises for usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing",
        description="Open a briefing in the viewer (no FILE: the bundled seed briefing). "
        "Subcommands: check, search, export, build (briefing SUBCOMMAND --help).")
    parser.add_argument("file", nargs="?", metavar="FILE", help="briefing YAML file")
    parser.add_argument("--tab", choices=TABS, help="tab to show first")
    parser.add_argument("--query", metavar="Q", help="search to apply at start")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="render the window to a PNG (offscreen if no display) and exit")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing check",
                     description="Validate a briefing and prove every source excerpt is in "
                     "its article. Exit 0: valid; 1: problems (FILE:LINE:COL: message); "
                     "2: usage error or unreadable file.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    return parser


def cmd_check(argv: Sequence[str]) -> int:
    args = _check_parser().parse_args(argv)
    import gc

    # One pass over a tree that is freed only at exit: the cyclic GC would rescan its
    # millions of nodes again and again (a 50 MB briefing checked in 43 s with it, 27 s without).
    gc.disable()
    from .core.load import load_document
    from .core.problems import BriefingError, UnreadableFileError
    from .core.provenance import check_document

    try:
        document = load_document(args.file)
    except UnreadableFileError as exc:
        print(f"briefing check: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem)
        return EXIT_PROBLEMS
    problems = check_document(document)
    for problem in problems:
        print(problem)
    if problems:
        return EXIT_PROBLEMS
    if not args.quiet:
        print(f"{args.file}: ok ({_summary(document.briefing)})")
    return EXIT_OK


def _summary(briefing: object) -> str:
    from .core.model import SECTIONS

    parts = []
    for section, _cls in SECTIONS:
        count = len(getattr(briefing, section))
        if count:
            parts.append(f"{count} {section.replace('_', ' ')}")
    return ", ".join(parts) + "; every excerpt found in the article"


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing build",
                     description="Draft a briefing (draft: true) from a plain-text UTF-8 "
                     "article; every entry quotes its sentence. Exit 0: written; 1: the "
                     "draft fails `briefing check` (a bug, reported); 2: usage error, or an "
                     "unreadable, binary, non-UTF-8, empty or undated article.")
    parser.add_argument("article", metavar="ARTICLE", help="the article, a .txt file")
    parser.add_argument("-o", "--output", metavar="OUT.yaml", required=True,
                        help="where to write the draft ('-' for standard output)")
    parser.add_argument("--date", metavar="DATE",
                        help="the briefing's date (2017, 2017-11 or 2017-11-30), needed when "
                        "the article names no year")
    return parser


def cmd_build(argv: Sequence[str]) -> int:
    args = _build_parser().parse_args(argv)
    from pathlib import Path

    from .core.extract import ArticleError, DraftError, draft_text, write_atomic
    from .core.load import parse_document
    from .core.problems import BriefingError
    from .core.provenance import check_document

    to_stdout = args.output == "-"
    out = Path("draft.yaml") if to_stdout else Path(args.output)
    try:
        text = draft_text(Path(args.article), out.parent, date=args.date)
    except (ArticleError, DraftError) as exc:
        message = str(exc) if isinstance(exc, ArticleError) else f"{args.article}: {exc}"
        print(f"briefing build: {message}", file=sys.stderr)
        return EXIT_USAGE
    try:  # the promise is a draft that passes `briefing check`: hold the builder to it
        problems = check_document(parse_document(text, out.resolve()))
    except BriefingError as exc:
        problems = exc.problems
    if to_stdout:
        sys.stdout.write(text)
    else:
        try:
            write_atomic(out, text)
        except OSError as exc:
            print(f"briefing build: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
    for problem in problems:
        print(f"briefing build: draft problem: {problem}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_window(argv: Sequence[str]) -> int:
    args = _window_parser().parse_args(argv)
    from .ui.app import run

    return run(args)


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "check": cmd_check,
    "build": cmd_build,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = SUBCOMMANDS.get(argv[0]) if argv else None
    try:
        if command is not None:
            return command(argv[1:])
        return cmd_window(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `briefing search ... | head` closed the pipe: not an error
        sys.stderr.close()
        return EXIT_OK
