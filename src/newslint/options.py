"""What a run adds on top of the config files: the command line's (or the API's) options,
and the selection of findings they make together with a file's config."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newslint.checks.budget import DEFAULT_SECONDS
from newslint.config import Config, check_selection
from newslint.engine import Selection
from newslint.model import Severity
from newslint.selection import as_selectors
from newslint.source import DEFAULT_MAX_MEGABYTES


@dataclass
class Options:
    """What the command line adds on top of the config files."""

    config_path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    min_severity: str | None = None
    readability: bool = False  # compute per-paragraph readability scores (--stats)
    repetition: bool = False  # list the top repeated phrases and words (--stats, HTML)
    stdin_format: str = "text"  # the input format of standard input
    report_unused_suppressions: bool = False
    cache_dir: Path | None = None  # the result cache's folder; None: no cache
    profile: str | None = None  # overrides the config's profile and path_profiles
    encoding: str = "utf-8"  # files without a byte order mark are decoded with this codec
    rule_timeout: float | None = DEFAULT_SECONDS  # per search of a rule; None or 0: no limit
    vale_config: Path | None = None  # --vale-config: this .vale.ini's styles run alone (issue 23)
    max_file_size: float | None = DEFAULT_MAX_MEGABYTES  # megabytes; a larger file is refused; None or 0: no limit


def selection_for(
    config: Config,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] = (),
    min_severity: str | None = None,
) -> Selection:
    """What to show: command-line (or API) choices over the config's. --select replaces
    the config's selection; --ignore adds to its ignores. A selector that names no rule
    is an error (issue 20)."""
    selected, ignored = as_selectors(select), as_selectors(ignore) or ()
    check_selection(config, selected, ignored)
    chosen = selected if selected is not None else config.select
    return Selection(
        select=tuple(chosen) if chosen is not None else None,
        ignore=tuple(config.ignore) + ignored,
        min_severity=Severity.parse(min_severity) if min_severity else config.min_severity,
    )
