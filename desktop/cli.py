"""The `briefing` command: the window with no subcommand, headless jobs with one.

Qt is imported only by the commands that draw, so `briefing check` starts in the time it
takes to import PyYAML. User mistakes end as one line and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import __version__
from .core.pages import NAMES as PAGE_NAMES

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def say(message: object) -> None:
    """One line on stderr. Messages can hold a briefing's text (a path, a title), so
    newlines and terminal controls in it are shown as escapes, never sent raw."""
    from .core.problems import printable

    print(printable(str(message)), file=sys.stderr)


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
    parser.add_argument("--tab", choices=PAGE_NAMES, help="tab to show first")
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
    from .core import gcpause

    # One pass over a tree that is freed only at exit: the cyclic GC would rescan its
    # millions of nodes again and again, for nothing.
    gcpause.off_for_start_up()
    from .core.load import load_document
    from .core.problems import BriefingError, UnreadableFileError
    from .core.provenance import check_document

    try:
        document = load_document(args.file)
    except UnreadableFileError as exc:
        say(f"briefing check: {exc}")
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
        from .core.problems import printable

        print(f"{printable(args.file)}: ok ({_summary(document.briefing)})")
    return EXIT_OK


def _summary(briefing: object) -> str:
    from .core.model import SECTIONS
    from .present.numbers import number

    parts = []
    for section, _cls in SECTIONS:
        count = len(getattr(briefing, section))
        if count:
            parts.append(f"{number(count)} {section.replace('_', ' ')}")
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

    from .core.extract import ArticleError, DraftError, prepare_draft, save_draft
    from .core.load import parse_document
    from .core.problems import BriefingError
    from .core.provenance import check_document
    from .core.savefile import SaveError

    to_stdout = args.output == "-"
    out = Path("draft.yaml") if to_stdout else Path(args.output)
    try:
        draft = prepare_draft(Path(args.article), out.parent, date=args.date,
                              out=None if to_stdout else out)
        if to_stdout and draft.article_copy is not None:
            raise ArticleError(
                f"{args.article} is not in this folder or below it, and a briefing reads its "
                "article from its own folder: run build from the article's folder, or write "
                "the draft to a file with -o (the article is then copied beside it)")
    except (ArticleError, DraftError) as exc:
        message = str(exc) if isinstance(exc, ArticleError) else f"{args.article}: {exc}"
        say(f"briefing build: {message}")
        return EXIT_USAGE
    # The promise is a draft that passes `briefing check`: hold the builder to it, against
    # the article as it was read (it may still have to be copied beside the draft).
    try:
        problems = check_document(parse_document(draft.text, out.resolve()), draft.source)
    except BriefingError as exc:
        problems = exc.problems
    if to_stdout:
        sys.stdout.write(draft.text)
    else:
        try:
            save_draft(draft, out)
        except SaveError as exc:
            say(f"briefing build: {exc}")
            return EXIT_USAGE
        if draft.article_copy is not None:
            say(f"briefing build: copied {args.article} to {draft.article_copy}, beside the "
                "draft (a briefing reads its article from its own folder)")
    for problem in problems:
        say(f"briefing build: draft problem: {problem}")
    return EXIT_PROBLEMS if problems else EXIT_OK


def _search_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing search",
                     description="Find entries of a briefing. One hit a line: "
                     "section<TAB>entry<TAB>field<TAB>snippet. Query: words (all must "
                     "match), \"a phrase\", -word to leave out, field:word (e.g. "
                     "country:belarus, status:signed, section:leaders), word* for a prefix. "
                     "A query that starts with '-' (briefing search FILE -draft) is read as "
                     "the query; '--' ends the options if in doubt. "
                     "Exit 0: hits; 1: none; 2: error.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("--article", action="store_true",
                        help="also search the article text (section 'article', by line)")
    return parser


def cmd_search(argv: Sequence[str]) -> int:
    args = _search_parser().parse_args(_query_is_not_an_option(argv))
    from .core.load import load_document
    from .core.problems import BriefingError, UnreadableFileError
    from .core.query import QueryError, parse_query

    try:
        query = parse_query(args.query)
    except QueryError as exc:
        say(f"briefing search: bad query at {exc}")
        return EXIT_USAGE
    try:
        document = load_document(args.file)
        article = None
        if args.article:
            from .core.article import ArticleRefused, open_verified, refusal_problem

            ref = document.briefing.briefing.article
            try:
                article = open_verified(document.path, ref.path, ref.sha256).text
            except ArticleRefused as exc:
                say(refusal_problem(document.path, exc))
                return EXIT_USAGE
    except UnreadableFileError as exc:
        say(f"briefing search: {exc}")
        return EXIT_USAGE
    except BriefingError as exc:
        for problem in exc.problems:
            say(problem)
        return EXIT_USAGE
    from .core.search import SearchIndex

    result = SearchIndex.build(document.briefing, article=article).search(query)
    found = False
    for hit in result.iter_hits():
        found = True
        print("\t".join(_one_line(part) for part in
                        (hit.section, hit.label, hit.path, hit.snippet)))
    return EXIT_OK if found else EXIT_PROBLEMS


def _query_is_not_an_option(argv: Sequence[str]) -> list[str]:
    """``-kazakhstan`` leaves a word out of the results: a query, not an unknown option.
    With such a word, the options (``--article``, ``-h``: none takes a value) go first and
    everything else after a ``--``, so argparse reads it as FILE and QUERY; a mistyped
    ``--option`` is still an error."""
    argv = list(argv)
    if "--" in argv or not any(a.startswith("-") and not a.startswith("--") and a != "-h"
                               and len(a) > 1 for a in argv):
        return argv
    options = [a for a in argv if a.startswith("--") or a == "-h"]
    return [*options, "--", *(a for a in argv if a not in options)]


def _one_line(text: str) -> str:
    """A value as one terminal-safe field: whitespace runs (tabs, newlines) as one space,
    and controls (ESC, BEL, CR...) that could recolour or rewrite the terminal escaped."""
    from .core.problems import printable

    return printable(" ".join(text.split()))
def _export_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing export",
                     description="Write a briefing as a paginated PDF (title block, contents, "
                     "one section per view, numbered source excerpts, the article as an "
                     "appendix). The file is written whole or not at all. Exit 0: the PDF is "
                     "complete; 2: usage error, bad briefing or the PDF could not be written "
                     "(an existing file is left untouched). With SOURCE_DATE_EPOCH set, the "
                     "same briefing gives the same bytes.")
    parser.add_argument("file", metavar="FILE", help="briefing YAML file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                        help="the PDF to write")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--pdfa", action="store_true", help="write PDF/A-1b, for archiving")
    parser.add_argument("--query", metavar="Q",
                        help="export only the entries this search matches (as in `briefing "
                        "search`); the title block names the query")
    return parser


def cmd_export(argv: Sequence[str]) -> int:
    args = _export_parser().parse_args(argv)
    import os

    # Before Qt loads: a fixed hash seed fixes the order Qt writes PDF objects in, so the
    # bytes are reproducible; and export never needs a display.
    os.environ.setdefault("QT_HASH_SEED", "0")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pathlib import Path

    from .core.article import ArticleRefused, locate, open_verified, refusal_problem
    from .core.load import load_briefing
    from .core.model import SECTIONS
    from .core.problems import BriefingError, UnreadableFileError
    from .core.query import QueryError, parse_query

    def fail(message: object) -> int:
        say(f"briefing export: {message}")
        return EXIT_USAGE

    query = None
    if args.query is not None:
        try:
            query = parse_query(args.query)
        except QueryError as exc:
            return fail(f"bad query at {exc}")
    path = Path(args.file)
    try:
        briefing = load_briefing(path)  # a re-export of unchanged bytes skips the parse
    except UnreadableFileError as exc:
        return fail(exc)
    except BriefingError as exc:
        more = len(exc.problems) - 1
        return fail(f"{exc.problems[0]}" + (f" (and {more} more; see briefing check)"
                                            if more else ""))
    ref = briefing.briefing.article
    try:  # the appendix and every excerpt must stand on the article the briefing names
        article = open_verified(path, ref.path, ref.sha256)
    except ArticleRefused as exc:
        return fail(refusal_problem(path, exc))
    source = locate(path, ref.path)
    output = Path(args.output)
    if output.exists() and any(output.resolve() == p.resolve() for p in (path, source)
                               if p.exists()):
        return fail(f"{output} is the briefing or its article; choose another output file")
    if query is not None:
        from .core.search import filter_briefing

        briefing = filter_briefing(briefing, query)
        if not any(getattr(briefing, section) for section, _cls in SECTIONS):
            return fail(f"the query {args.query!r} matches no entry; nothing written")
    from .export import ExportError, export_pdf

    try:
        result = export_pdf(briefing, article.text, output, page_size=args.page_size,
                            pdfa=args.pdfa, source_name=Path(ref.path).name,
                            query_label=args.query)
    except ExportError as exc:
        return fail(exc)
    from .core.problems import printable

    print(f"{printable(str(output))}: {result.page_count} pages, {result.byte_count:,} bytes")
    return EXIT_OK


def cmd_window(argv: Sequence[str]) -> int:
    from .core import gcpause

    # Start-up makes a few hundred thousand objects (modules, classes, widgets) and frees
    # almost none: the cyclic GC would walk them again and again before the first paint.
    # ui.app turns it back on once the window is painted.
    gcpause.off_for_start_up()
    args = _window_parser().parse_args(argv)
    from .ui.app import run

    return run(args)


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "check": cmd_check,
    "build": cmd_build,
    "search": cmd_search,
    "export": cmd_export,
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
