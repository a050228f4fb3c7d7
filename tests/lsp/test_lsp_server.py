"""`newslint lsp` end to end: a pytest-lsp client drives the server as an editor would."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_session import RecordingClient, codes, open_document, replace, wait_for
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

DOUBLED = "repetition.doubled"


def apply_text_edits(text: str, lines: list[str], edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions) to `text`, as the editor does."""
    from newslint.lsp.positions import LineIndex, Position

    index = LineIndex(text)
    spans = [
        (
            index.offset(Position(e.range.start.line, e.range.start.character)),
            index.offset(Position(e.range.end.line, e.range.end.character)),
            e.new_text,
        )
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        [change] = action.edit.document_changes
        assert isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
        return [edit for edit in change.edits if isinstance(edit, types.TextEdit)]
    assert action.edit.changes is not None
    return list(action.edit.changes[uri])


async def full_change(client: RecordingClient, uri: str, version: int, text: str) -> list[types.Diagnostic]:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await wait_for(client, uri, version)


async def actions_at(client: RecordingClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [action for action in result or [] if isinstance(action, types.CodeAction)]


async def test_open_publishes_diagnostics_at_the_findings_offsets(client: RecordingClient, folder: Path) -> None:
    uri = open_document(client, folder / "story.txt", "Officials said the the plan works.\n")
    [diagnostic] = await wait_for(client, uri, 1)
    assert diagnostic.code == DOUBLED
    assert diagnostic.source == "newslint"
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    assert diagnostic.range == types.Range(start=types.Position(0, 15), end=types.Position(0, 22))
    assert "doubled word" in diagnostic.message


async def test_ranges_count_utf16_code_units_after_an_astral_character(client: RecordingClient, folder: Path) -> None:
    # The emoji is one character for newslint and two UTF-16 code units for the editor.
    uri = open_document(client, folder / "emoji.txt", "🙂 Officials said the the plan works.\n")
    [diagnostic] = await wait_for(client, uri, 1)
    assert diagnostic.range == types.Range(start=types.Position(0, 18), end=types.Position(0, 25))


async def test_an_edit_updates_the_diagnostics(client: RecordingClient, folder: Path) -> None:
    uri = open_document(client, folder / "edit.txt", "Officials said the plan works.\n")
    assert await wait_for(client, uri, 1) == []
    replace(client, uri, 2, (0, 15), (0, 15), "the ")  # "said the the plan"
    assert codes(await wait_for(client, uri, 2)) == [DOUBLED]
    replace(client, uri, 3, (0, 15), (0, 19), "")
    assert await wait_for(client, uri, 3) == []


async def test_the_fix_action_removes_the_finding(client: RecordingClient, folder: Path) -> None:
    text = "Officials said the the plan works.\n"
    uri = open_document(client, folder / "fix.txt", text)
    [diagnostic] = await wait_for(client, uri, 1)
    [fix] = [
        a
        for a in await actions_at(client, uri, diagnostic)
        if a.kind == types.CodeActionKind.QuickFix and a.is_preferred
    ]
    fixed = apply_text_edits(text, [], edits_of(fix, uri))
    assert fixed == "Officials said the plan works.\n"  # what `newslint check --fix` writes
    assert await full_change(client, uri, 2, fixed) == []


HOUSE_RULE = """id: house.doubled
kind: pattern
severity: warning
description: Doubled words, in quotations too.
message: "doubled '{match}'"
fixable: true
skip_quotes: false
docs:
  why: A doubled word is a typo.
  bad: ["the the deal"]
  good: ["the deal"]
patterns:
  - pattern: '\\b(?P<word>the) \\s*(?P=word)\\b'
    suggestion: "the"
"""


async def test_no_fix_is_offered_inside_a_quotation(client: RecordingClient, folder: Path) -> None:
    (folder / "house" / "house").mkdir(parents=True)
    (folder / "house" / "house" / "doubled.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (folder / ".newslint.yaml").write_text("rule_paths: [house]\nselect: [house]\n", encoding="utf-8")
    text = 'The mayor said "the the plan works," and it did.\n\nOfficials said the the plan works.\n'
    uri = open_document(client, folder / "quoted.txt", text)
    diagnostics = await wait_for(client, uri, 1)
    assert [(d.code, d.range.start.line) for d in diagnostics] == [("house.doubled", 0), ("house.doubled", 2)]
    quoted, unquoted = [await actions_at(client, uri, diagnostic) for diagnostic in diagnostics]
    assert not any(action.is_preferred for action in quoted)  # a source's words are theirs
    assert any(action.is_preferred for action in unquoted)


async def test_fix_all_applies_every_fix(client: RecordingClient, folder: Path) -> None:
    text = "Officials said the the plan works.\n\nThe council voted on on Tuesday.\n"
    uri = open_document(client, folder / "all.txt", text)
    diagnostics = await wait_for(client, uri, 1)
    assert codes(diagnostics) == [DOUBLED, DOUBLED]
    [fix_all] = [
        a for a in await actions_at(client, uri, diagnostics[0]) if a.kind and a.kind.startswith("source.fixAll")
    ]
    fixed = apply_text_edits(text, [], edits_of(fix_all, uri))
    assert fixed == "Officials said the plan works.\n\nThe council voted on Tuesday.\n"
    assert await full_change(client, uri, 2, fixed) == []


@pytest.mark.parametrize(
    ("name", "language", "text"),
    [
        ("plain.txt", "plaintext", "The council met.\n\nOfficials said the the plan works.\n"),
        ("indented.txt", "plaintext", "The council met.\n    Officials said the the plan works.\n"),
        ("story.md", "markdown", "# Council\n\nOfficials said the the plan works.\n"),
        ("story.html", "html", "<p>The council met.</p>\n<p>Officials said the the plan works.</p>\n"),
        ("inline.html", "html", "<p>The council met.</p><p>Officials said the the plan works.</p>\n"),
        ("item.md", "markdown", "# Council\n\n- The council met.\n- Officials said the the plan works.\n"),
    ],
)
async def test_disable_for_this_paragraph_silences_the_rule(
    client: RecordingClient, folder: Path, name: str, language: str, text: str
) -> None:
    uri = open_document(client, folder / name, text, language)
    [diagnostic] = await wait_for(client, uri, 1)
    [disable] = [
        a for a in await actions_at(client, uri, diagnostic) if a.title == f"Disable {DOUBLED} for this paragraph"
    ]
    disabled = apply_text_edits(text, [], edits_of(disable, uri))
    assert f"newslint-disable-next-paragraph {DOUBLED}" in disabled
    assert await full_change(client, uri, 2, disabled) == []
    # The comment covers that paragraph only: the same slip elsewhere is still reported.
    again = disabled + (
        "\n<p>The board said the the same.</p>\n" if language == "html" else "\nThe board said the the same.\n"
    )
    assert codes(await full_change(client, uri, 3, again)) == [DOUBLED]


async def test_hover_shows_the_rule_docs(client: RecordingClient, folder: Path) -> None:
    uri = open_document(client, folder / "hover.txt", "Officials said the the plan works.\n")
    [diagnostic] = await wait_for(client, uri, 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 17))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert DOUBLED in hover.contents.value and "Why it matters" in hover.contents.value
    assert "Flagged:" in hover.contents.value
    assert hover.range == diagnostic.range
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 2))
    )
    assert nothing is None


async def test_stats_command_returns_the_story_figures(client: RecordingClient, folder: Path) -> None:
    text = "The plan will cut costs by half.\n\nThe mayor said the plan would cut costs, officials said.\n"
    uri = open_document(client, folder / "stats.txt", text)
    await wait_for(client, uri, 1)
    stats = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="newslint.stats", arguments=[uri])
    )
    assert [p["paragraph"] for p in stats["paragraphs"]] == [1, 2]
    assert stats["claims"] >= stats["attributed"]
    assert stats["readability"]["words"] == len(text.split())
    assert "phrases" in stats["repetition"]
    assert stats["sources"] and all("sources" in p for p in stats["paragraphs"])


async def test_a_config_change_gives_new_diagnostics(client: RecordingClient, folder: Path) -> None:
    # The server asked the editor to watch config files (the client said it can).
    [watching] = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert "**/.newslint.yaml" in str(watching.register_options)
    config = folder / ".newslint.yaml"
    config.write_text("ignore: [repetition]\n", encoding="utf-8")
    uri = open_document(client, folder / "configured.txt", "Officials said the the plan works.\n")
    assert await wait_for(client, uri, 1) == []
    before = len(client.published)
    config.write_text("ignore: []\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert codes(await wait_for_new(client, uri, before)) == [DOUBLED]


async def wait_for_new(client: RecordingClient, uri: str, seen: int) -> list[types.Diagnostic]:
    """The first diagnostics for `uri` published after the first `seen` notifications."""
    import asyncio

    for _ in range(2000):
        for params in client.published[seen:]:
            if params.uri == uri:
                return list(params.diagnostics)
        await asyncio.sleep(0.01)
    raise AssertionError(f"no new diagnostics for {uri}")


async def test_a_broken_config_is_one_error_and_the_server_lives_on(
    client: RecordingClient, folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    (folder / ".newslint.yaml").write_text("ignore: [repetition\n", encoding="utf-8")
    uri = open_document(client, folder / "broken.txt", "Officials said the the plan works.\n")
    [error] = await wait_for(client, uri, 1)
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.code == "newslint.config-error"
    assert ".newslint.yaml" in error.message
    assert any(".newslint.yaml" in message.message for message in client.messages)
    # The server still checks other documents, and this one once the config is mended.
    other = open_document(client, tmp_path_factory.mktemp("elsewhere") / "story.txt", "Officials said the the plan.\n")
    assert codes(await wait_for(client, other, 1)) == [DOUBLED]
    (folder / ".newslint.yaml").write_text("ignore: []\n", encoding="utf-8")
    before = len(client.published)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=(folder / ".newslint.yaml").as_uri())
        )
    )
    assert codes(await wait_for_new(client, uri, before)) == [DOUBLED]


async def test_a_binary_document_is_refused_with_a_message(client: RecordingClient, folder: Path) -> None:
    uri = open_document(client, folder / "binary.txt", "PK\x03\x04\x00\x00\x00 the the")
    [refusal] = await wait_for(client, uri, 1)
    assert refusal.code == "newslint.input-error"
    assert "binary" in refusal.message


async def test_markdown_markup_is_not_prose(client: RecordingClient, folder: Path) -> None:
    text = "Officials said `the the` is a typo.\n\nThe council voted on on Tuesday.\n"
    uri = open_document(client, folder / "markup.md", text, "markdown")
    [diagnostic] = await wait_for(client, uri, 1)
    assert diagnostic.range.start.line == 2


async def test_a_document_newslint_does_not_read_gets_no_diagnostics(client: RecordingClient, folder: Path) -> None:
    before = len(client.published)
    open_document(client, folder / "script.py", "x = 'the the'\n", "python")
    uri = open_document(client, folder / "after.txt", "Officials said the the plan.\n")
    await wait_for(client, uri, 1)
    assert all(params.uri != (folder / "script.py").as_uri() for params in client.published[before:])


async def test_a_burst_of_edits_publishes_only_the_latest_text(client: RecordingClient, folder: Path) -> None:
    # A long story keeps the server busy while the edits arrive: the checks they overtake
    # are called off or dropped, and no diagnostics for an older text follow newer ones.
    story = "\n\n".join(f"Paragraph {n} says the council met on Tuesday and voted." for n in range(600))
    uri = open_document(client, folder / "long.txt", story)
    await wait_for(client, uri, 1)
    first = len(client.published)
    for version in range(2, 22):
        replace(client, uri, version, (0, 0), (0, 0), "the " if version == 21 else "x")
    diagnostics = await wait_for(client, uri, 21)
    assert DOUBLED not in codes(diagnostics)  # "the Paragraph": no doubled word, but checked
    versions = [params.version for params in client.published[first:] if params.uri == uri]
    assert versions == sorted(versions) and versions[-1] == 21
    assert len(versions) < 20  # the burst was not checked edit by edit


async def test_hover_on_a_sourcing_finding_gives_the_paragraphs_claims_tally(
    client: RecordingClient, folder: Path
) -> None:
    text = "The plan will cut costs by half, sources said.\n"
    uri = open_document(client, folder / "sourcing.txt", text)
    diagnostics = await wait_for(client, uri, 1)
    [anonymous] = [d for d in diagnostics if d.code == "attribution.anonymous"]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=anonymous.range.start)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("Paragraph 1: ")
    assert " attributed." in hover.contents.value.splitlines()[0]


async def test_hover_explains_newslints_own_directive_checks(client: RecordingClient, folder: Path) -> None:
    text = "<!-- newslint-disable-next-paragraph hedging.nonsense -->\nThe plan works.\n"
    uri = open_document(client, folder / "directive.md", text, "markdown")
    [unknown] = await wait_for(client, uri, 1)
    assert unknown.code == "newslint.unknown-rule"
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 10))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "misspelt id suppresses nothing" in hover.contents.value
