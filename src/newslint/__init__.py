"""newslint: an editorial style and bias linter for news writing."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text"]


def lint_text(text: str, *, config_path: str | None = None, select: list[str] | None = None,
              ignore: list[str] | None = None, min_severity: str | None = None):
    """Lint one article's text and return its findings (`newslint.model.Finding`), in
    document order. For CMS integrations: no files are read except the config and rules.

    `config_path` names a `.newslint.yaml` or `pyproject.toml`; without it the built-in
    defaults apply (no discovery from the current folder, so results do not depend on
    where the caller runs).
    """
    from pathlib import Path

    from newslint.config import Config
    from newslint.linter import Linter, Options

    linter = Linter(Options(config_path=Path(config_path) if config_path else None, select=select,
                            ignore=list(ignore or []), min_severity=min_severity))
    config = linter.config_for("<text>") if config_path else Config()
    return linter.lint_text(text, config=config)
