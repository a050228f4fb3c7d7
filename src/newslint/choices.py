"""The fixed sets of values newslint's options accept, defined once: the command line's
click types read them here, and so do the modules that act on them.

A leaf with no imports, so `newslint --version` and `--help` do not load the report
writers to learn their names.
"""

from __future__ import annotations

# Report formats: each is a module of `newslint.formats`.
REPORT_FORMATS = ("text", "line", "json", "github", "sarif", "junit", "html")

# Severities, least to most serious (`newslint.model.Severity`), and what --fail-on takes.
SEVERITIES = ("error", "warning", "info")
FAIL_ON = (*SEVERITIES, "never")
