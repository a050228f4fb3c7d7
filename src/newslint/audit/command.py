"""The `newslint audit` command line (registered in `newslint.cli`).

Exit codes as for `check`: 0 the audit ran (bad records are listed in the output, not
an error), 2 a usage, config or source error (one line, no traceback), 130 interrupted
(Ctrl-C), 143 terminated (SIGTERM).
With -o the output is written whole or not at all; an interrupted run with --resume
keeps the partitions it finished.
"""

from __future__ import annotations

import datetime
import os
import sys
import time
from pathlib import Path

import click

from newslint.errors import NewslintError
from newslint.source import DEFAULT_MAX_MEGABYTES

EXIT_OK, EXIT_ERROR = 0, 2


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-01") from None


@click.command(name="audit", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--group-by", multiple=True, help="Metadata fields to group by, and month/year from the date (comma-separated)."
)
@click.option("--since", callback=_day, help="Only stories dated on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=_day, help="Only stories dated on or before this day (YYYY-MM-DD).")
@click.option("--select", multiple=True, help="Only these rule ids or packs (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or packs (comma-separated).")
@click.option("--config", type=click.Path(path_type=Path), help="Use this config file instead of discovering one.")
@click.option("--profile", help="news, wire, opinion or feature: overrides the config's profile.")
@click.option(
    "--text-field", default="text", show_default=True, help="JSON Lines and CSV: the field holding the story."
)
@click.option("--id-field", default="id", show_default=True, help="JSON Lines and CSV: the field naming a story.")
@click.option("--date-field", default="date", show_default=True, help="The metadata field holding the story's date.")
@click.option(
    "--text-format",
    type=click.Choice(["text", "markdown", "html"]),
    default="text",
    show_default=True,
    help="How the text field of JSON Lines and CSV records is written.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json", "parquet", "html"]),
    default="table",
    show_default=True,
    help="The output format (parquet needs pyarrow; html is a self-contained dashboard).",
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the figures to this file (atomically).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes. [default: the number of cores]")
@click.option("--dask", is_flag=True, help='Run on a local Dask cluster (pip install "newslint[audit]").')
@click.option("--scheduler", metavar="ADDRESS", help="Run on the Dask cluster whose scheduler is at ADDRESS.")
@click.option("--resume", type=click.Path(path_type=Path), help="Keep each finished partition here; continue from it.")
@click.option(
    "--reports",
    type=click.Path(path_type=Path),
    help="Write the HTML report of each story listed with most findings here (the dashboard links them).",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Stories with most findings listed per group.",
)
@click.option(
    "--partition-size", type=click.IntRange(min=1), default=200, show_default=True, help="Stories per partition."
)
@click.option("--rule-timeout", type=click.FloatRange(min=0), default=1.0, show_default=True, help="As for check.")
@click.option(
    "--max-file-size",
    type=click.FloatRange(min=0),
    default=DEFAULT_MAX_MEGABYTES,
    show_default=True,
    help="A story (file or record) larger than this many megabytes is counted unreadable, not checked; 0: no limit.",
)
def audit_command(
    sources: tuple[str, ...],
    group_by: tuple[str, ...],
    since: datetime.date | None,
    until: datetime.date | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: Path | None,
    profile: str | None,
    text_field: str,
    id_field: str,
    date_field: str,
    text_format: str,
    output_format: str,
    output: Path | None,
    jobs: int | None,
    dask: bool,
    scheduler: str | None,
    resume: Path | None,
    reports: Path | None,
    top: int,
    partition_size: int,
    rule_timeout: float,
    max_file_size: float,
) -> None:
    """Sourcing and style figures per group over a whole archive: a folder of stories,
    JSON Lines or CSV files (docs/audit.md)."""
    from newslint.audit.accumulators import tree_merge
    from newslint.audit.figures import audit_figures
    from newslint.audit.outputs import render
    from newslint.audit.resume import ResumeStore
    from newslint.audit.runs import AuditSettings, fingerprint, partitions_of, run_dask, run_local
    from newslint.audit.sources import Fields
    from newslint.linter import Linter
    from newslint.options import Options
    from newslint.parallel import default_jobs

    if output_format == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a binary file: give -o FILE")
    options = Options(
        config_path=config,
        select=_split(select) or None,
        ignore=_split(ignore),
        readability=True,  # the grade figures
        profile=profile,
        rule_timeout=rule_timeout or None,
        max_file_size=max_file_size or None,
    )
    settings = AuditSettings(
        group_by=tuple(_split(group_by)),
        since=since,
        until=until,
        fields=Fields(text=text_field, id=id_field, date=date_field, text_format=text_format),
        top=top,
        per_partition=partition_size,
    )
    linter = Linter(options)  # a config or profile error ends the run here, before any work
    partitions, unread = partitions_of(list(sources), linter, settings)
    store = ResumeStore(resume, fingerprint(list(sources), options, settings, linter, partitions)) if resume else None
    progress = _Progress(len(partitions)) if sys.stderr.isatty() else None
    width = jobs or default_jobs()
    if dask or scheduler:
        audit = run_dask(
            partitions, options, settings, scheduler=scheduler, workers=width, resume=store, progress=progress
        )
    else:
        audit = run_local(partitions, options, settings, width, resume=store, progress=progress)
    if progress:
        progress.close()
    figures = audit_figures(tree_merge([unread, audit], settings.top), settings.group_by)
    links: dict[str, str] = {}
    if reports is not None:
        from newslint.audit.reports import write_reports

        base = (output.parent if output is not None else Path.cwd()).resolve()
        for location, path in write_reports(figures, partitions, options, settings.fields, reports).items():
            links[location] = Path(os.path.relpath(path.resolve(), base)).as_posix()
    data = render(figures, output_format, links)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from newslint.files import write_atomically

        try:
            write_atomically(output, data)
        except OSError as exc:
            raise NewslintError(f"cannot write the figures: {exc.strerror or exc}", path=str(output)) from None


class _Progress:
    """Stories done, rate and time left, on one terminal line (only when stderr is one)."""

    def __init__(self, partitions: int) -> None:
        self.partitions, self.done, self.stories = partitions, 0, 0
        self.started = time.monotonic()

    def __call__(self, audit: object) -> None:
        self.done += 1
        self.stories += getattr(audit, "stories", 0)
        elapsed = max(time.monotonic() - self.started, 1e-9)
        left = elapsed / self.done * (self.partitions - self.done)
        sys.stderr.write(
            f"\raudit: {self.stories:,} stories, {self.stories / elapsed:,.0f}/s, "
            f"{self.done}/{self.partitions} partitions, {int(left // 60)}:{int(left % 60):02d} left "
        )
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def main(args: list[str]) -> int:
    """Run `newslint audit` with `args`; the exit code. Ctrl-C and SIGTERM unwind the run
    (workers stopped, a Dask cluster closed, no temporary file left) and exit 130 and 143
    with one line, as `check` does (`newslint.interrupts`). The command is invoked
    directly rather than through click's `main`, which turns both signals into one
    `Abort` (so SIGTERM exited 130) and prints a blank line before it."""
    from newslint import interrupts

    try:
        with interrupts.handled(), audit_command.make_context("newslint audit", args) as context:
            audit_command.invoke(context)
    except click.exceptions.Exit as exit:
        return int(exit.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except NewslintError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        return EXIT_ERROR
    except KeyboardInterrupt as exc:  # Ctrl-C, and SIGTERM as `interrupts.Terminated`
        interrupts.announce(exc)
        return interrupts.exit_code(exc)
    return EXIT_OK
