"""The `newslint` command: check, rules, explain.

Exit codes (stable, documented in the README):
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage, config, rule or input error (the other files are still checked and reported)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from newslint import __version__
from newslint.errors import NewslintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROFILE_HELP = "news, wire, opinion or feature: overrides the config's profile for every file."

app = typer.Typer(
    name="newslint",
    help="An editorial style and bias linter for news writing.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
) -> None:
    """An editorial style and bias linter for news writing."""


def _split(values: Optional[list[str]]) -> Optional[list[str]]:
    """--select a,b --select c → [a, b, c]."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _error(message: object) -> None:
    typer.echo(f"newslint: error: {message}", err=True)


def _use_color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to check; '-' reads standard input.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text, line or json.")] = "text",
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rule ids or packs (comma-separated).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rule ids or packs (comma-separated).")] = None,
    min_severity: Annotated[Optional[str], typer.Option(help="Hide findings below: error, warning or info.")] = None,
    fail_on: Annotated[Optional[str], typer.Option(help="Exit 1 on findings at or above: error, warning, info or never. [default: warning]")] = None,
    config: Annotated[Optional[Path], typer.Option(help="Use this config file instead of discovering one.")] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Never colour the output.")] = False,
    profile: Annotated[Optional[str], typer.Option(help=PROFILE_HELP)] = None,
) -> None:
    """Check articles and report findings per paragraph."""
    from newslint.config import parse_fail_on
    from newslint.formats import FORMAT_NAMES, formatter
    from newslint.linter import FileResult, Linter, Options, expand_paths
    from newslint.model import Severity

    if format not in FORMAT_NAMES:
        _usage(f"--format must be one of {', '.join(FORMAT_NAMES)} (got {format!r})")
    for option, value in (("--min-severity", min_severity), ("--fail-on", fail_on)):
        allowed = ("error", "warning", "info") + (("never",) if option == "--fail-on" else ())
        if value is not None and value not in allowed:
            _usage(f"{option} must be one of {', '.join(allowed)} (got {value!r})")

    try:
        linter = Linter(Options(config_path=config, select=_split(select), ignore=_split(ignore) or [],
                                min_severity=min_severity, profile=profile))
    except NewslintError as exc:
        _error(exc)
        raise typer.Exit(EXIT_ERROR) from None

    results: list[FileResult] = []
    for item in expand_paths(paths, linter):
        results.append(item if isinstance(item, FileResult) else linter.lint_path(item))

    reported: set[str] = set()
    for result in results:
        if result.error is not None and str(result.error) not in reported:
            reported.add(str(result.error))
            _error(result.error if result.error.path else f"{result.path}: {result.error}")

    typer.echo(formatter(format)(results, _use_color(no_color)), nl=False)

    if any(result.error is not None for result in results):
        raise typer.Exit(EXIT_ERROR)
    cli_threshold = parse_fail_on(fail_on) if fail_on else None
    for result in results:
        threshold: Severity | None = cli_threshold if fail_on else linter.config_for(result.path).fail_on
        if threshold is not None and any(f.severity >= threshold for f in result.findings):
            raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _usage(message: str) -> None:
    _error(message)
    raise typer.Exit(EXIT_ERROR)


def _load_rules(config: Optional[Path], profile: Optional[str] = None):
    from newslint.config import Config, build_rules, discover_config, load_config

    found = config or discover_config(Path.cwd())
    return build_rules(load_config(found) if found else Config(), profile)


@app.command("rules")
def list_rules(
    config: Annotated[Optional[Path], typer.Option(help="Use this config file instead of discovering one.")] = None,
    profile: Annotated[Optional[str], typer.Option(help=PROFILE_HELP)] = None,
) -> None:
    """List the rules that are on: id, severity, description."""
    try:
        rules = _load_rules(config, profile)
    except NewslintError as exc:
        _error(exc)
        raise typer.Exit(EXIT_ERROR) from None
    width = max((len(rule.id) for rule in rules), default=2)
    typer.echo(f"{'id':<{width}}  {'severity':<8}  description")
    for rule in rules:
        typer.echo(f"{rule.id:<{width}}  {str(rule.severity):<8}  {rule.description}")


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id, e.g. hedging.modal.")],
    config: Annotated[Optional[Path], typer.Option(help="Use this config file instead of discovering one.")] = None,
) -> None:
    """Show a rule's documentation and examples."""
    try:
        rules = {rule.id: rule for rule in _load_rules(config)}
    except NewslintError as exc:
        _error(exc)
        raise typer.Exit(EXIT_ERROR) from None
    rule = rules.get(rule_id)
    if rule is None:
        _usage(f"unknown rule {rule_id!r}; `newslint rules` lists them")
    lines = [
        f"{rule.id} ({rule.severity}, {rule.kind})",
        "",
        rule.description,
        "",
        "Why it matters:",
        *(f"  {line}" for line in _wrap(rule.why)),
        "",
        "Flagged:",
        *(f"  ✗ {example.text.strip()}" for example in rule.bad),
        "",
        "Not flagged:",
        *(f"  ✓ {example.text.strip()}" for example in rule.good),
    ]
    if rule.link:
        lines += ["", f"More: {rule.link}"]
    lines += ["", f"Defined in {rule.source}"]
    typer.echo("\n".join(lines))


@app.command(
    "eval",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
def evaluate(ctx: typer.Context) -> None:
    """Measure precision and recall on labeled data (options: `newslint eval --help`)."""
    from newslint.evaluation.__main__ import main as evaluation_main

    raise typer.Exit(evaluation_main(list(ctx.args)))


def _wrap(text: str, width: int = 86) -> list[str]:
    import textwrap

    return textwrap.wrap(" ".join(text.split()), width)


def main() -> None:
    app()
