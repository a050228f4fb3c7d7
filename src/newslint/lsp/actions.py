"""Code actions: a fixable finding's fix, every fix in the document, and a suppression
comment for one rule in one paragraph.

A fix is the edit `newslint check --fix` makes (`newslint.fixes.plan_edits`): only for a
rule that declares itself fixable, never inside a quotation, never two overlapping.
"""

from __future__ import annotations

from lsprotocol import types

from newslint.fixes import Edit, plan_edits
from newslint.lsp.checking import Checked
from newslint.lsp.diagnostics import to_range
from newslint.lsp.positions import LineIndex
from newslint.model import Finding
from newslint.result import FileResult

FIX_ALL = types.CodeActionKind.SourceFixAll.value + ".newslint"
DISABLE_COMMENT = "<!-- newslint-disable-next-paragraph {rule} -->"


def fixes(checked: Checked, findings: list[Finding]) -> list[Edit]:
    """The edits `--fix` would make for `findings` of this check."""
    result = FileResult(path="", text=checked.text, findings=findings, quotes=checked.quotes)
    return plan_edits(result, checked.rules)


def _text_edits(edits: list[Edit], lines: LineIndex) -> list[types.TextEdit]:
    return [types.TextEdit(range=to_range(lines, edit.start, edit.end), new_text=edit.replacement) for edit in edits]


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    """Does the finding touch the span? (An empty span, the cursor, touches either end.)"""
    return finding.start <= end and start <= finding.end


def disable_edit(checked: Checked, finding: Finding) -> Edit:
    """Insert `newslint-disable-next-paragraph RULE` just before the finding's paragraph:
    the one comment every format reads (see newslint.suppressions). On a line of its own
    (plain text needs that, and in Markdown a comment that starts a line is a block of its
    own); in HTML a paragraph that starts mid-line (`<p>a</p><p>b`) gets it inside its tag."""
    paragraph_start = checked.paragraphs[finding.paragraph - 1][0] if checked.paragraphs else finding.start
    text = checked.text
    line_start = max(text.rfind("\n", 0, paragraph_start), text.rfind("\r", 0, paragraph_start)) + 1
    comment = DISABLE_COMMENT.format(rule=finding.rule)
    if checked.input_format == "html" and text[line_start:paragraph_start].strip():
        return Edit(paragraph_start, paragraph_start, comment, finding.rule)
    newline = "\r\n" if "\r\n" in text else "\n"
    return Edit(line_start, line_start, comment + newline, finding.rule)


def code_actions(
    checked: Checked, lines: LineIndex, uri: str, start: int, end: int, edit_for: WorkspaceEditMaker
) -> list[types.CodeAction]:
    """The actions for the span `start`–`end` of the document at `uri`."""
    actions: list[types.CodeAction] = []
    here = [finding for finding in checked.findings if _overlaps(finding, start, end)]
    for finding in here:
        for fix in fixes(checked, [finding]):
            actions.append(
                types.CodeAction(
                    title=f"Replace '{checked.text[fix.start : fix.end]}' with '{fix.replacement}' ({fix.rule})",
                    kind=types.CodeActionKind.QuickFix,
                    edit=edit_for(uri, _text_edits([fix], lines)),
                    is_preferred=True,
                )
            )
    every = fixes(checked, checked.findings)
    if every:
        actions.append(
            types.CodeAction(
                title=f"Fix all newslint findings in this document ({len(every)})",
                kind=FIX_ALL,
                edit=edit_for(uri, _text_edits(every, lines)),
            )
        )
    seen: set[tuple[str, int]] = set()
    for finding in here:
        if finding.rule.startswith("newslint.") or (finding.rule, finding.paragraph) in seen:
            continue  # a directive's own findings are fixed in the directive, not suppressed
        seen.add((finding.rule, finding.paragraph))
        actions.append(
            types.CodeAction(
                title=f"Disable {finding.rule} for this paragraph",
                kind=types.CodeActionKind.QuickFix,
                edit=edit_for(uri, _text_edits([disable_edit(checked, finding)], lines)),
            )
        )
    return actions


class WorkspaceEditMaker:
    """Builds a workspace edit the way the client can take it: tied to the document's
    version when the client supports that, so a stale edit is refused, not misapplied."""

    def __init__(self, versioned: bool, version: int) -> None:
        self.versioned = versioned
        self.version = version

    def __call__(self, uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        if not self.versioned:
            return types.WorkspaceEdit(changes={uri: edits})
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=self.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))])
