"""Vale styles inside a newslint run: `vale:` in a newslint config (issue 23).

    vale: .vale.ini                # the styles run beside the config's own packs
    vale:
      config: .vale.ini
      skip_quotes: true            # words inside a quotation are the source's
      skip_attributed: false       # "may fail, Smith said" is Smith's hedge (issue 12)
      styles: {write-good: {skip_attributed: true}}
      rules: {write-good.Weasel: {skip_quotes: false}}

News awareness is opt-in and set per style or per rule, the rule's setting winning:
a Vale style was written for documentation, where a quotation is the writer's text.
Alerts become newslint findings: suggestion is info, warning and error stay. Their ids
are Vale's (`write-good.Weasel`), so `--select` and `--ignore` name a rule or a style.

Where no newslint config is, a `.vale.ini` found as Vale finds it (or one named with
`--vale-config`) runs alone, in newslint's report formats: `vale_only_config`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.checks.base import _in_attributed_sentence
from newslint.config import Config
from newslint.errors import ConfigError
from newslint.model import Document, Finding, Paragraph, Severity
from newslint.vale.ini import ValeConfigError, read_config
from newslint.vale.run import ValeRun

_SEVERITY = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
_RUNS: dict[str, ValeRun] = {}  # one per .vale.ini in a process: styles load once


@dataclass(frozen=True)
class Awareness:
    skip_quotes: bool = False
    skip_attributed: bool = False


def awareness(setting: dict[str, Any], rule_id: str) -> Awareness:
    """The rule's news awareness: the rule's own setting, else its style's, else the
    `vale:` block's."""
    style = rule_id.split(".", 1)[0]
    chosen = {key: bool(setting.get(key, False)) for key in ("skip_quotes", "skip_attributed")}
    for layer in (setting.get("styles", {}).get(style, {}), setting.get("rules", {}).get(rule_id, {})):
        chosen.update({key: bool(value) for key, value in layer.items()})
    return Awareness(**chosen)


def ini_path(setting: str | dict[str, Any], root: str) -> str:
    path = setting if isinstance(setting, str) else str(setting["config"])
    return os.path.normpath(os.path.join(root, path))


def _run(setting: str | dict[str, Any], root: str) -> ValeRun:
    path = ini_path(setting, root)
    if path not in _RUNS:
        try:
            _RUNS[path] = ValeRun(read_config(path))
        except ValeConfigError as error:
            raise ConfigError(str(error)) from None
    return _RUNS[path]


def rule_ids(setting: str | dict[str, Any], root: str) -> frozenset[str]:
    """The ids of the Vale rules a `vale:` setting can report."""
    return _run(setting, root).rule_ids()


def vale_only_config(ini: str) -> Config:
    """A config that runs a `.vale.ini`'s styles alone, as Vale would: newslint's own
    packs are not selected (so not run), and only an error fails the run (Vale exits 1
    on an error-level alert only)."""
    path = os.path.abspath(ini)
    root = os.path.dirname(path)
    return Config(
        path=path,
        root=Path(root),
        select=sorted(rule_ids(path, root)),
        fail_on=Severity.ERROR,
        vale=path,
    )


def vale_findings(document: Document, input_format: str, setting: str | dict[str, Any], root: str) -> list[Finding]:
    """The Vale styles' findings on an analysed story, news awareness applied."""
    options = setting if isinstance(setting, dict) else {}
    findings = []
    for match in _run(setting, root).matches(document.path, document.text, input_format):
        aware = awareness(options, match.rule)
        paragraph = _paragraph_at(document, match.start)
        end = max(match.end, match.start)
        if aware.skip_quotes and document.quote_covering(match.start, end) is not None:
            continue
        if (
            aware.skip_attributed
            and paragraph
            and _in_attributed_sentence(paragraph, match.start, end, named_only=False)
        ):
            continue
        findings.append(
            Finding(
                rule=match.rule,
                severity=_SEVERITY[match.level],
                message=match.message,
                start=match.start,
                end=end,
                paragraph=paragraph.index if paragraph else 1,
                text=document.text[match.start : end],
            )
        )
    return sorted(findings, key=lambda finding: (finding.start, finding.rule))


def _paragraph_at(document: Document, offset: int) -> Paragraph | None:
    for paragraph in document.paragraphs:
        if paragraph.start <= offset < max(paragraph.end, paragraph.start + 1):
            return paragraph
    return None
