"""newslint: an editorial style and bias linter for news writing."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when called, so `import newslint` stays cheap
    from newslint.checks.rule import Rule
    from newslint.config import Config
    from newslint.model import Finding

__version__ = "0.2.0"

__all__ = ["__version__", "lint_text"]


def lint_text(
    text: str,
    *,
    config_path: str | None = None,
    select: str | list[str] | None = None,
    ignore: str | list[str] | None = None,
    min_severity: str | None = None,
    input_format: str = "text",
    profile: str | None = None,
) -> list[Finding]:
    """Lint one article's text and return its findings (`newslint.model.Finding`), in
    document order. For CMS integrations: no files are read except the config and rules.

    `config_path` names a `.newslint.yaml` or `pyproject.toml`; without it the built-in
    defaults apply (no discovery from the current folder, so results do not depend on
    where the caller runs). `select` and `ignore` are rule ids or packs (a string is
    comma-separated); one that names no rule is a ConfigError. `input_format` is
    "text", "markdown" or "html"; `profile` (news, wire, opinion, feature) overrides
    the config's. Rules are compiled once per
    config and profile and reused across calls until the config file changes.
    """
    from newslint.analysis import analyse
    from newslint.config import check_selection
    from newslint.linter import findings_for, selection_for
    from newslint.selection import as_selectors

    config, rules = _compiled(config_path, _modified(config_path), profile)
    # Named as the caller wrote them; a string is one selector list, not its characters.
    check_selection(config, as_selectors(select), as_selectors(ignore) or (), prefix="")
    document = analyse(
        text, input_format=input_format, front_matter_fields=tuple(config.front_matter), lexicon=config.lexicon
    )
    return findings_for(
        document, text, input_format, config, rules, selection_for(config, select, ignore or (), min_severity)
    )


def _modified(config_path: str | None) -> int | None:
    import os

    try:
        return os.stat(config_path).st_mtime_ns if config_path else None
    except OSError:
        return None  # load_config reports the missing file


@functools.lru_cache(maxsize=8)
def _compiled(config_path: str | None, modified: int | None, profile: str | None = None) -> tuple[Config, list[Rule]]:
    """(config, rules) for a config file and profile, cached by path and modification time."""
    from pathlib import Path

    from newslint.config import Config, build_rules, load_config

    config = load_config(Path(config_path)) if config_path else Config()
    return config, build_rules(config, profile)
