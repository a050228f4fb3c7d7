"""The `newslint` command: check, report, rules, explain, eval, audit.

Exit codes (stable, documented in the README):
  0  no finding at or above --fail-on
  1  findings at or above --fail-on, or more warnings and errors than --max-warnings
  2  usage, config, rule or input error (the other files are still checked and reported)
  130  interrupted (Ctrl-C): no report, no partial file
"""

# No `from __future__ import annotations` here: typer reads every command's annotations
# at each start, and evaluating them from strings took 20 ms of every run.
import functools
import os
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import click
import typer

from newslint import __version__
from newslint.choices import FAIL_ON, REPORT_FORMATS, SEVERITIES, VALE_FORMATS, VALE_LEVELS
from newslint.display import shown
from newslint.errors import NewslintError
from newslint.parse import FORMATS as INPUT_FORMATS
from newslint.source import DEFAULT_MAX_MEGABYTES

if TYPE_CHECKING:  # imported where used, so `newslint --version` and --help start fast
    from newslint.formats import Report
    from newslint.linter import FileResult, Linter
    from newslint.outcome import Outcome

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROFILE_HELP = "news, wire, opinion, feature or all: overrides the config's profile for every file."
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it (143 for SIGTERM: newslint.interrupts)
ProfileOption = Annotated[str | None, typer.Option(help=PROFILE_HELP)]
ConfigOption = Annotated[Path | None, typer.Option(help="Use this config file instead of discovering one.")]
MinSeverityOption = Annotated[
    str | None, typer.Option(click_type=click.Choice(SEVERITIES), help="Hide findings below this severity.")
]
StdinFormatOption = Annotated[
    str,
    typer.Option(click_type=click.Choice(INPUT_FORMATS), help="Input format of standard input ('-')."),
]
# Options `report` shares with `check`, declared once so the two cannot drift apart.
BaselineOption = Annotated[Path | None, typer.Option(help="Report only findings not recorded in this baseline file.")]
DiffOption = Annotated[
    str | None,
    typer.Option(help="Report only paragraphs changed since this git ref; '-' reads a unified diff on standard input."),
]
EncodingOption = Annotated[
    str,
    typer.Option("--encoding", help="Decode files with this codec (a byte order mark, UTF-8, -16 or -32, wins)."),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        click_type=click.IntRange(min=1),
        help="Worker processes for many files. [default: the number of cores]",
    ),
]
MaxFileSizeOption = Annotated[
    float,
    typer.Option(
        "--max-file-size",
        click_type=click.FloatRange(min=0),
        help="Refuse files larger than this many megabytes (1 MB = 1,000,000 bytes) before reading them; 0: no limit.",
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Analyse every file, without reading or writing the result cache.")
]

app = typer.Typer(
    name="newslint",
    help="An editorial style and bias linter for news writing.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # `-h` as well as `--help`, inherited by every command (eval and audit hand both to
    # their own parsers); click itself suggests a mistyped command, so typer's second
    # "Did you mean" is off (issue 20).
    context_settings={"help_option_names": ["-h", "--help"]},
    suggest_commands=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """An editorial style and bias linter for news writing."""


def _split(values: list[str] | None) -> list[str] | None:
    """--select a,b --select c → [a, b, c]."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _error(message: object) -> None:
    typer.echo(f"newslint: error: {message}", err=True)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _use_color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and _stdout_is_terminal()


P = ParamSpec("P")
T = TypeVar("T")


def _interruptible(command: Callable[P, T]) -> Callable[P, T]:
    """Ctrl-C ends the command at once with exit code 130 and one line, not a traceback
    (and not click's "Aborted!" with exit 1, which CI would read as findings); SIGTERM
    likewise, with 143 (`newslint.interrupts`). Files are only ever written whole
    (`newslint.files.AtomicFile`), so none is left half done; a report streamed to
    standard output simply stops where the run did."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        from newslint import interrupts

        try:
            with interrupts.handled():
                return command(*args, **kwargs)
        except KeyboardInterrupt as exc:
            interrupts.announce(exc)
            raise typer.Exit(interrupts.exit_code(exc)) from None

    return run


@app.command()
@_interruptible
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to check; '-' reads standard input.")],
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            click_type=click.Choice(REPORT_FORMATS + VALE_FORMATS, case_sensitive=False),
            help="The report format (vale-line: Vale's path:line:column:Style.Rule:message).",
        ),
    ] = "text",
    select: Annotated[list[str] | None, typer.Option(help="Only these rule ids or packs (comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids or packs (comma-separated).")] = None,
    min_severity: MinSeverityOption = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            click_type=click.Choice(FAIL_ON),
            help="Exit 1 on findings at or above this severity (never: not for findings). [default: warning]",
        ),
    ] = None,
    max_warnings: Annotated[
        int | None,
        typer.Option(
            click_type=click.IntRange(min=0),
            help="Also exit 1 when more than this many findings are warnings or errors, whatever --fail-on says.",
        ),
    ] = None,
    config: ConfigOption = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Never colour the output.")] = False,
    profile: ProfileOption = None,
    stdin_format: StdinFormatOption = "text",
    report_unused_suppressions: Annotated[
        bool, typer.Option(help="Report newslint-disable comments that suppressed nothing.")
    ] = False,
    baseline: BaselineOption = None,
    write_baseline: Annotated[
        Path | None, typer.Option(help="Record today's findings in this file (then exit 0) for --baseline.")
    ] = None,
    diff: DiffOption = None,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Apply the suggestions of fixable rules to the files (never inside quotations)."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --fix: print the changes as a diff instead of writing them.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (atomically) instead of standard output."),
    ] = None,
    no_cache: NoCacheOption = False,
    cache_dir: Annotated[
        Path | None, typer.Option(help="Folder of the result cache. [default: the user cache folder]")
    ] = None,
    jobs: JobsOption = None,
    stats: Annotated[
        bool,
        typer.Option(
            "--stats",
            help="Add readability scores, who speaks, and the most repeated phrases and words"
            " (tables in text, fields in JSON).",
        ),
    ] = False,
    rule_timeout: Annotated[
        float,
        typer.Option(
            "--rule-timeout",
            click_type=click.FloatRange(min=0),
            help="Seconds one search of a rule may take before the rule is skipped for that file (0: no limit).",
        ),
    ] = 1.0,
    encoding: EncodingOption = "utf-8",
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_MEGABYTES,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="Show the full traceback of an internal error, to report it.")
    ] = False,
    vale_config: Annotated[
        Path | None, typer.Option("--vale-config", help="Run the Vale styles of this .vale.ini (issue 23).")
    ] = None,
    min_alert_level: Annotated[
        str | None,
        typer.Option("--minAlertLevel", click_type=click.Choice(VALE_LEVELS), help="Vale: lowest level reported."),
    ] = None,
    glob: Annotated[str, typer.Option("--glob", help="Vale: only the files this glob matches ('!' negates).")] = "*",
    ext: Annotated[str | None, typer.Option("--ext", help="Vale: read the files as this extension (.md).")] = None,
    ignore_syntax: Annotated[
        bool, typer.Option("--ignore-syntax", help="Vale: read every file as plain text.")
    ] = False,
) -> None:
    """Check articles and report findings per paragraph."""
    if format in VALE_FORMATS:
        # Vale styles run alone, with Vale's output; the package loads only here (issue 23).
        from newslint.vale.run import run as run_vale

        config_path = str(vale_config) if vale_config else None
        raise typer.Exit(run_vale(paths, config_path, min_alert_level, glob, ext, ignore_syntax=ignore_syntax))
    if vale_config is not None and config is not None:
        _usage("--vale-config runs Vale styles alone; to add them to a newslint config, name them in its `vale:`")
    from newslint.config import parse_fail_on
    from newslint.formats import report_for
    from newslint.linter import Linter, Options
    from newslint.outcome import Outcome
    from newslint.source import check_encoding

    try:
        check_encoding(encoding)
    except LookupError:
        _usage(f"--encoding: unknown encoding {encoding!r}")

    try:
        linter = Linter(
            Options(
                config_path=config,
                select=_split(select),
                ignore=_split(ignore) or [],
                min_severity=min_severity,
                # The HTML report's margin notes and chart need the figures. JSON has the
                # repetition figures with --stats only: they cost nearly a fifth of a JSON run over
                # wire copy (issue 19's speed target; docs/json-format.md, version 2).
                readability=stats or format == "html",
                repetition=stats or format == "html",
                stdin_format=stdin_format,
                report_unused_suppressions=report_unused_suppressions,
                encoding=encoding,
                max_file_size=max_file_size or None,
                rule_timeout=rule_timeout or None,
                cache_dir=None if no_cache else (cache_dir or _default_cache_dir()),
                profile=profile,
                vale_config=vale_config,
            )
        )
    except NewslintError as exc:
        _error(exc)
        raise typer.Exit(EXIT_ERROR) from None

    if fix and "-" in paths:
        _usage("--fix rewrites files, so it cannot read the story from standard input")
    if dry_run and not fix:
        _usage("--dry-run only goes with --fix")
    if diff == "-" and "-" in paths:
        _usage("--diff - reads the diff from standard input, so the story cannot come from there too")
    cli_threshold = parse_fail_on(fail_on) if fail_on else None
    outcome = Outcome(lambda path: cli_threshold if fail_on else linter.config_for(path).fail_on)
    # Results flow one file at a time from checking to the report; only --fix and
    # --write-baseline need them all at once. Closing `checked` stops the workers.
    written = {"--output": (output, "report"), "--write-baseline": (write_baseline, "baseline")}
    skipped: list[str] = []  # binary files the walk found, for the summary
    with closing(_checked(paths, linter, jobs, rule_timeout, written, skipped)) as checked:
        results: Iterator[FileResult] = checked
        if fix:  # first: a fixed file is checked again, and the gates judge what is left
            results = iter(_fix(list(checked), linter, dry_run))
        narrow = _narrowing(baseline, diff)  # now, before the first file is checked (unless --fix)
        narrowed = map(narrow, results)
        if write_baseline is not None:
            _write_baseline(list(narrowed), write_baseline)
        report = report_for(format, color=output is None and _use_color(no_color), fails=outcome.fails)
        _stream_report(narrowed, report, output, outcome, skipped)

    _report_errors(outcome, verbose)
    if outcome.errors:
        raise typer.Exit(EXIT_ERROR)
    # A ratchet, as in ESLint: a desk with a backlog of warnings fails on errors
    # (--fail-on error) and on any warning beyond today's count.
    if max_warnings is not None and outcome.warnings > max_warnings:
        typer.echo(
            f"newslint: {outcome.warnings} warnings and errors, more than --max-warnings {max_warnings}", err=True
        )
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_FINDINGS if outcome.failing else EXIT_OK)


def _report_errors(outcome: "Outcome", verbose: bool) -> None:
    """Each distinct error on one line; a bug in newslint also with its traceback under
    --verbose, or a pointer to --verbose, so the user can report it (issue 18)."""
    for key, line in outcome.errors.items():
        _error(line)
        if verbose and key in outcome.tracebacks:
            typer.echo(outcome.tracebacks[key].rstrip("\n"), err=True)
    if outcome.tracebacks and not verbose:
        typer.echo("newslint: run again with --verbose for the traceback to include in the report", err=True)


def _checked(
    paths: list[str],
    linter: "Linter",
    jobs: int | None,
    rule_timeout: float,
    written: "dict[str, tuple[Path | None, str]] | None" = None,
    skipped: list[str] | None = None,
) -> "Generator[FileResult, None, None]":
    """Each file's result as soon as it is checked, in the order given, with its notes on
    stderr: a binary file found by walking a folder is skipped (a stray image named .txt is
    not the desk's problem) and added to `skipped`, for the summary to list, and each rule
    that ran out of time is named."""
    from newslint.source import BinaryFileError

    named = set(paths)
    with closing(_lint_paths(paths, linter, jobs, written)) as results:
        for result in results:
            if isinstance(result.error, BinaryFileError) and result.path not in named:
                typer.echo(f"newslint: skipped binary file {shown(result.path)}", err=True)
                if skipped is not None:
                    skipped.append(result.path)
                continue
            for rule_id in result.timed_out:
                typer.echo(
                    f"newslint: warning: {shown(result.path)}: rule {rule_id} took more than {rule_timeout:g}s "
                    "and was skipped for this file",
                    err=True,
                )
            yield result


def _lint_paths(
    paths: list[str], linter: "Linter", jobs: int | None, written: "dict[str, tuple[Path | None, str]] | None" = None
) -> "Generator[FileResult, None, None]":
    """Every file's result, in the order given (folders walked in sorted order), each
    yielded once it is checked; a path that does not exist is an error result in its place.
    A file the run writes (`written`: option → path, what it holds) that is one of the
    files to check stops the run before any is checked (issue 20)."""
    from newslint.linter import FileResult, expand_paths
    from newslint.parallel import default_jobs, lint_all
    from newslint.walk import is_checked

    items = list(expand_paths(paths, linter))
    for option, (destination, what) in (written or {}).items():
        if destination is not None and is_checked(destination, items):
            _usage(f"{option} {shown(str(destination))} is a file to check; write the {what} elsewhere")
    to_lint = [item for item in items if not isinstance(item, FileResult)]
    with closing(lint_all(to_lint, linter, jobs or default_jobs())) as linted:
        for item in items:
            yield item if isinstance(item, FileResult) else next(linted)


def _default_cache_dir() -> Path:
    from newslint.files import default_cache_dir

    return default_cache_dir()


def _narrowing(baseline: Path | None, diff: str | None) -> "Callable[[FileResult], FileResult]":
    """A function that keeps only what the gate asks about in one file's result: findings
    not in the baseline, in paragraphs the diff changed. The baseline is read and the diff
    taken here, before the first file is checked (with --fix, after the fixes, which the
    diff must see): a missing baseline or a failing git stops the run at once (exit 2)."""
    steps = []
    try:
        if baseline is not None:
            from newslint.baseline import OLD_VERSION_NOTE, VERSION, BaselineFilter

            accepted = BaselineFilter.read(baseline)
            if accepted.version < VERSION:
                typer.echo(f"newslint: note: {shown(str(baseline))}: {OLD_VERSION_NOTE}", err=True)
            steps.append(accepted.drop_accepted)
        if diff is not None:
            from newslint.changes import changes_since, keep_changed

            changed = changes_since(diff, Path.cwd(), sys.stdin.buffer.read)
            steps.append(functools.partial(keep_changed, changed=changed))
    except NewslintError as exc:
        _error(exc)
        raise typer.Exit(EXIT_ERROR) from None

    def narrow(result: "FileResult") -> "FileResult":
        for step in steps:
            step(result)
        return result

    return narrow


def _fix(results: "Iterable[FileResult]", linter: "Linter", dry_run: bool) -> "list[FileResult]":
    """Apply fixable suggestions (`newslint.fixes`). With dry_run, print the diff and
    exit (1: it would fix)."""
    from newslint.fixes import fix_results

    fixed, previews = fix_results(results, linter, dry_run=dry_run, say=lambda line: typer.echo(line, err=True))
    if dry_run:
        typer.echo("".join(previews), nl=False)
        raise typer.Exit(EXIT_FINDINGS if previews else EXIT_OK)
    return fixed


def _stream_report(
    results: "Iterable[FileResult]", report: "Report", output: Path | None, outcome: "Outcome", skipped: list[str]
) -> None:
    """Write each file's part of the report as soon as the file is checked, then the
    closing, with the binary files the walk `skipped` (known once every result is in),
    and count each file into `outcome`. Nothing here keeps a result once it is
    written, so memory stays flat however many files the run checks; the formats that
    need the whole run keep them themselves (`newslint.formats`)."""
    with _report_output(output) as write:
        write(report.opening())
        for result in results:
            outcome.add(result)
            write(report.add(result))
        for path in skipped:
            report.skip_binary(path)
        write(report.closing())


@contextmanager
def _report_output(output: Path | None) -> Iterator[Callable[[str], None]]:
    """A function that writes the next part of the report where it goes: to standard
    output at once, or, with -o, to a temporary file beside `output` that is renamed over
    it once the report is complete and removed if the run fails or is interrupted, so CI
    never publishes half a report (`newslint.files.AtomicFile`)."""
    if output is None:
        yield _echo_part
        return
    from newslint.files import AtomicFile

    with _unwritable_report(output):
        report = AtomicFile(output)

    def write(part: str) -> None:
        with _unwritable_report(output):
            report.write(part.encode("utf-8"))

    try:
        yield write
    except BaseException:
        report.discard()
        raise
    with _unwritable_report(output):
        report.commit()


def _echo_part(part: str) -> None:
    if part:  # many files have nothing to show: no empty write for each
        typer.echo(part, nl=False)


@contextmanager
def _unwritable_report(destination: Path) -> Iterator[None]:
    """An OSError writing the report: one line on stderr and exit 2."""
    try:
        yield
    except OSError as exc:
        _error(f"{shown(str(destination))}: cannot write the report: {exc.strerror or exc}")
        raise typer.Exit(EXIT_ERROR) from None


def _write_baseline(results: "list[FileResult]", destination: Path) -> None:
    from newslint.baseline import write_baseline
    from newslint.outcome import describe_error

    failed = [result for result in results if result.error is not None]
    for result in failed:
        _error(describe_error(result))
    try:
        count = write_baseline(results, destination)
    except OSError as exc:
        _error(f"{shown(str(destination))}: cannot write baseline: {exc.strerror or exc}")
        raise typer.Exit(EXIT_ERROR) from None
    typer.echo(f"newslint: recorded {count} finding{'' if count == 1 else 's'} in {shown(str(destination))}", err=True)
    raise typer.Exit(EXIT_ERROR if failed else EXIT_OK)


def _usage(message: str) -> None:
    _error(message)
    raise typer.Exit(EXIT_ERROR)


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to check; '-' reads standard input.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (atomically) instead of standard output."),
    ] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these rule ids or packs (comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule ids or packs (comma-separated).")] = None,
    min_severity: MinSeverityOption = None,
    fail_on: Annotated[
        str,
        typer.Option(click_type=click.Choice(FAIL_ON), help="Exit 1 on findings at or above this severity."),
    ] = "never",
    config: ConfigOption = None,
    stdin_format: StdinFormatOption = "text",
    profile: ProfileOption = None,
    baseline: BaselineOption = None,
    diff: DiffOption = None,
    encoding: EncodingOption = "utf-8",
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_MEGABYTES,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Write an HTML report to read in a browser: `check --format html --stats`.

    A report, not a gate: it exits 0 whatever it finds unless --fail-on says otherwise
    (2 still means a file could not be checked)."""
    if output is None and _stdout_is_terminal():
        # A page of HTML scrolling past is of no use to anyone (issue 20).
        _usage("report writes HTML for a browser; save it with -o report.html (or pipe it)")
    check(
        paths=paths,
        format="html",
        select=select,
        ignore=ignore,
        min_severity=min_severity,
        fail_on=fail_on,
        config=config,
        stdin_format=stdin_format,
        output=output,
        stats=True,
        profile=profile,
        baseline=baseline,
        diff=diff,
        encoding=encoding,
        max_file_size=max_file_size,
        jobs=jobs,
        no_cache=no_cache,
    )


@app.command("rules")
def list_rules(
    config: ConfigOption = None,
    profile: ProfileOption = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Run every rule's own examples and report rules that fail them or can never match (exit 1)."
        ),
    ] = False,
) -> None:
    """List the rules that are on: id, severity, description."""
    from newslint.config import build_rules

    try:
        from newslint.configs import config_of_folder

        loaded = config_of_folder(config)
        rules = build_rules(loaded, profile)
    except NewslintError as exc:
        _error(exc)
        raise typer.Exit(EXIT_ERROR) from None
    if check:
        from newslint.rulecheck import check_rules

        problems = check_rules(loaded, rules)
        for problem in problems:
            typer.echo(str(problem))
        failing = len({problem.rule.id for problem in problems})
        typer.echo(f"{len(rules)} rules checked, {failing} with problems", err=True)
        raise typer.Exit(EXIT_FINDINGS if problems else EXIT_OK)
    width = max((len(rule.id) for rule in rules), default=2)
    typer.echo(f"{'id':<{width}}  {'severity':<8}  description")
    for rule in rules:
        typer.echo(f"{rule.id:<{width}}  {rule.severity!s:<8}  {rule.description}")


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id, e.g. hedging.modal.")],
    config: ConfigOption = None,
    profile: ProfileOption = None,
) -> None:
    """Show a rule's documentation and examples."""
    from newslint.explain import explanation

    try:
        text = explanation(rule_id, config, profile)
    except NewslintError as exc:
        _error(exc)
        raise typer.Exit(EXIT_ERROR) from None
    if text is None:
        _usage(f"unknown rule {rule_id!r}; `newslint rules` lists them")
    typer.echo(text)


# A command whose arguments, --help included, go untouched to its own parser (argparse).
_PASSED_THROUGH: dict[str, Any] = {
    "context_settings": {"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
    "add_help_option": False,
}


@app.command(
    "eval",
    **_PASSED_THROUGH,
)
def evaluate(ctx: typer.Context) -> None:
    """Measure precision and recall on labeled data (options: `newslint eval --help`)."""
    from newslint.evaluation.__main__ import main as evaluation_main

    raise typer.Exit(evaluation_main(list(ctx.args)))


@app.command("lsp")
def lsp(
    tcp: Annotated[
        str | None, typer.Option(metavar="HOST:PORT", help="Listen on a TCP port instead of stdio (for debugging).")
    ] = None,
) -> None:
    """Run the language server for editors (needs the lsp extra; see docs/editors.md)."""
    from newslint.lsp.launch import run

    raise typer.Exit(run(tcp))


@app.command(
    "audit",
    **_PASSED_THROUGH,
)
def audit(ctx: typer.Context) -> None:
    """Figures per desk, author and month over a whole archive (options: `newslint audit --help`)."""
    from newslint.audit.command import main as audit_main

    raise typer.Exit(audit_main(list(ctx.args)))


def main() -> None:
    """The `newslint` command. A run that a signal ended exits at once once it has
    cleaned up (`newslint.interrupts.finish`), without the interpreter's own shutdown:
    Python gives SIGINT and SIGTERM their default actions back for it, so a second
    signal there killed newslint mid-exit instead of ending it with 130 or 143."""
    try:
        app()
    except SystemExit as exc:
        from newslint import interrupts

        interrupts.finish(exc.code)
        raise
