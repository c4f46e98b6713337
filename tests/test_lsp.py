"""``govlint lsp`` driven by a real LSP client (pytest-lsp) over stdio, plus the pure
conversions it depends on (positions in UTF-16 code units, edits, options)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.workspace import Workspace
from pytest_lsp import ClientServerConfig, LanguageClient

from govlint.engine import Settings
from govlint.lsp.actions import changed_region, disable_edit, disable_table_edits, wants
from govlint.lsp.convert import code_units, to_position
from govlint.lsp.server import Options, build_server, parse_options
from govlint.model import Diagnostic, Msg, Source, Span

CLEAN = (Path(__file__).parent / "fixtures" / "clean-minimal.md").read_text(encoding="utf-8")
#: Two defects with fixes: a misspelt column label of table 二 (GL106) and a doubled 。
#: (GL501) on a line that starts with a character outside the BMP (two UTF-16 code units).
DEFECTIVE = (
    CLEAN.replace("本年废止件数", "本年度止件数")
    .replace("2023年，平罗县按照", "😀2023年，平罗县按照")
    .replace("推进政务公开。全年", "推进政务公开。。全年")
)
SERVER = [sys.executable, "-m", "govlint", "lsp"]
CAPABILITIES = pytest_lsp.client_capabilities("visual-studio-code")
module_loop = pytest.mark.asyncio(loop_scope="module")


REGISTERED: list[lsp.Registration] = []


def _register(client: LanguageClient, params: lsp.RegistrationParams) -> None:
    """The client side of ``client/registerCapability`` (pytest-lsp has no default)."""
    REGISTERED.extend(params.registrations)


#: Longest wait for a notification: a lost or never-sent one fails its test instead of hanging the run.
WAIT_SECONDS = 30


class Published:
    """Every ``textDocument/publishDiagnostics`` the server sent, in order, read with a cursor.

    pytest-lsp's ``wait_for_notification`` only hands over a notification that arrives while a
    waiter is registered: when the server's messages come in one read (a burst of edits, a
    re-lint of every open document), all but the first are dropped and the test waits forever.
    Recording at the protocol's notification handler loses none."""

    def __init__(self, client: LanguageClient) -> None:
        self.seen: list[lsp.PublishDiagnosticsParams] = []
        self.read = 0
        self.arrived = asyncio.Event()
        handle: Callable[[str, object], None] = client.protocol._handle_notification

        def record(method: str, params: object) -> None:
            if method == lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS:
                self.seen.append(params)  # type: ignore[arg-type]
                self.arrived.set()
            handle(method, params)

        client.protocol._handle_notification = record  # type: ignore[method-assign]

    async def next(self) -> lsp.PublishDiagnosticsParams:
        """The next notification not read yet, waiting for it if need be."""
        while self.read == len(self.seen):
            self.arrived.clear()
            await asyncio.wait_for(self.arrived.wait(), WAIT_SECONDS)
        self.read += 1
        return self.seen[self.read - 1]


PUBLISHED: dict[int, Published] = {}


async def _start(client: LanguageClient, options: dict[str, object] | None) -> AsyncIterator[None]:
    client.feature(lsp.CLIENT_REGISTER_CAPABILITY)(_register)
    PUBLISHED[id(client)] = Published(client)
    await client.initialize_session(lsp.InitializeParams(capabilities=CAPABILITIES, initialization_options=options))
    yield
    await client.shutdown_session()
    del PUBLISHED[id(client)]


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    async for _ in _start(lsp_client, None):
        yield


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))  # type: ignore[untyped-decorator]
async def english(lsp_client: LanguageClient) -> AsyncIterator[None]:
    async for _ in _start(lsp_client, {"lang": "en"}):
        yield


# --------------------------------------------------------------------------- client helpers


def uri_for(name: str) -> str:
    return Path("/tmp/govlint-lsp-tests", name).as_uri()


async def diagnostics_of(client: LanguageClient, uri: str, version: int) -> list[lsp.Diagnostic]:
    """Wait for the diagnostics of ``uri`` at ``version`` (earlier runs are skipped)."""
    while True:
        params = await PUBLISHED[id(client)].next()
        if params.uri == uri and params.version == version:
            return list(params.diagnostics)


async def open_doc(client: LanguageClient, uri: str, text: str) -> list[lsp.Diagnostic]:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text))
    )
    return await diagnostics_of(client, uri, 1)


async def change_doc(client: LanguageClient, uri: str, version: int, text: str) -> list[lsp.Diagnostic]:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await diagnostics_of(client, uri, version)


def offset_of(text: str, pos: lsp.Position) -> int:
    """Client-side UTF-16 position to a Python index, written independently of the server."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: pos.line])
    units = 0
    for i, ch in enumerate(lines[pos.line]):
        if units >= pos.character:
            return start + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return start + len(lines[pos.line])


def apply(text: str, edit: lsp.WorkspaceEdit, uri: str) -> str:
    """Apply a workspace edit for ``uri`` the way an editor does (last edit first)."""
    edits: list[lsp.TextEdit] = []
    for change in edit.document_changes or []:
        assert isinstance(change, lsp.TextDocumentEdit) and change.text_document.uri == uri
        edits.extend(e for e in change.edits if isinstance(e, lsp.TextEdit))
    edits.extend((edit.changes or {}).get(uri, []))
    for e in sorted(edits, key=lambda e: offset_of(text, e.range.start), reverse=True):
        text = text[: offset_of(text, e.range.start)] + e.new_text + text[offset_of(text, e.range.end) :]
    return text


async def actions_at(
    client: LanguageClient, uri: str, diag: lsp.Diagnostic, only: list[str] | None = None
) -> list[lsp.CodeAction]:
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diag.range,
            context=lsp.CodeActionContext(diagnostics=[diag], only=only),
        )
    )
    return [a for a in result or [] if isinstance(a, lsp.CodeAction)]


def by_code(diags: Sequence[lsp.Diagnostic], code: str) -> lsp.Diagnostic:
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in diags]
    return found[0]


# --------------------------------------------------------------------------- over stdio


@module_loop
async def test_open_reports_diagnostics_with_utf16_ranges(client: LanguageClient) -> None:
    uri = uri_for("open.md")
    assert await open_doc(client, uri, CLEAN) == []
    diags = await open_doc(client, uri_for("defective.md"), DEFECTIVE)
    assert sorted(str(d.code) for d in diags) == ["GL106", "GL501"]
    label, doubled = by_code(diags, "GL106"), by_code(diags, "GL501")
    assert label.severity == lsp.DiagnosticSeverity.Warning and label.source == "govlint"
    assert "本年废止件数" in label.message  # Chinese by default
    line = DEFECTIVE.split("\n")[doubled.range.start.line]
    assert line.startswith("😀")
    index = line.index("。。")
    # the emoji counts two UTF-16 code units, so the column is one more than the index
    assert (doubled.range.start.character, doubled.range.end.character) == (index + 1, index + 3)


@module_loop
async def test_code_actions_fix_the_text(client: LanguageClient) -> None:
    uri = uri_for("fix.md")
    diags = await open_doc(client, uri, DEFECTIVE)
    actions = await actions_at(client, uri, by_code(diags, "GL106"))
    fix = next(a for a in actions if a.is_preferred)
    assert fix.title == "改为“本年废止件数”" and fix.edit is not None
    fixed = apply(DEFECTIVE, fix.edit, uri)
    assert fixed == DEFECTIVE.replace("本年度止件数", "本年废止件数")
    diags = await change_doc(client, uri, 2, fixed)
    assert [d.code for d in diags] == ["GL501"]  # updated after the change

    actions = await actions_at(client, uri, diags[0])
    fix = next(a for a in actions if a.is_preferred)
    assert fix.edit is not None
    fixed = apply(fixed, fix.edit, uri)
    assert "推进政务公开。全年" in fixed
    assert await change_doc(client, uri, 3, fixed) == []


@module_loop
async def test_disable_action_inserts_comment_and_silences(client: LanguageClient) -> None:
    uri = uri_for("disable.md")
    diags = await open_doc(client, uri, DEFECTIVE)
    doubled = by_code(diags, "GL501")
    actions = await actions_at(client, uri, doubled)
    disable = next(a for a in actions if "GL501" in a.title and a.title.startswith("在此行禁用"))
    assert disable.edit is not None
    text = apply(DEFECTIVE, disable.edit, uri)
    lines = text.split("\n")
    assert lines[doubled.range.start.line] == "<!-- govlint-disable-next-line GL501 -->"
    assert lines[doubled.range.start.line + 1].startswith("😀2023年")
    diags = await change_doc(client, uri, 2, text)
    assert [d.code for d in diags] == ["GL106"]


@module_loop
async def test_crlf_buffer_keeps_its_line_ends(client: LanguageClient) -> None:
    uri = uri_for("crlf.md")
    crlf = DEFECTIVE.replace("\n", "\r\n")
    diags = await open_doc(client, uri, crlf)
    actions = await actions_at(client, uri, by_code(diags, "GL501"))
    disable = next(a for a in actions if a.title == "在此行禁用 GL501")
    assert disable.edit is not None
    text = apply(crlf, disable.edit, uri)
    assert "\r\n<!-- govlint-disable-next-line GL501 -->\r\n😀2023年" in text
    assert [d.code for d in await change_doc(client, uri, 2, text)] == ["GL106"]


@module_loop
async def test_disable_inside_a_table_wraps_the_table(client: LanguageClient) -> None:
    uri = uri_for("disable-table.md")
    diags = await open_doc(client, uri, DEFECTIVE)
    actions = await actions_at(client, uri, by_code(diags, "GL106"))
    disable = next(a for a in actions if a.title == "在此表格禁用 GL106")
    assert disable.edit is not None
    text = apply(DEFECTIVE, disable.edit, uri)
    assert "<!-- govlint-disable GL106 -->\n| 第二十条第（一）项" in text
    assert "| 行政事业性收费 | 120.50 | | |\n<!-- govlint-enable GL106 -->\n" in text
    # the table is still one table: only GL106 goes away, nothing new appears
    assert [d.code for d in await change_doc(client, uri, 2, text)] == ["GL501"]


@module_loop
async def test_no_disable_action_for_an_unused_suppression(client: LanguageClient) -> None:
    uri = uri_for("stale.md")
    text = CLEAN.replace("## 六、", "<!-- govlint-disable-next-line GL301 -->\n## 六、")
    diags = await open_doc(client, uri, text)
    assert [d.code for d in diags] == ["GL001"]
    assert await actions_at(client, uri, diags[0]) == []


@module_loop
async def test_fix_all_applies_every_safe_fix(client: LanguageClient) -> None:
    uri = uri_for("fixall.md")
    diags = await open_doc(client, uri, DEFECTIVE)
    actions = await actions_at(client, uri, diags[0], only=[lsp.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == ["source.fixAll.govlint"]
    assert actions[0].edit is not None
    assert apply(DEFECTIVE, actions[0].edit, uri) == CLEAN.replace("2023年，平罗县按照", "😀2023年，平罗县按照")


@module_loop
async def test_burst_of_changes_ends_with_newest_text(client: LanguageClient) -> None:
    uri = uri_for("burst.md")
    await open_doc(client, uri, CLEAN)
    for version in range(2, 12):
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=DEFECTIVE if version % 2 else CLEAN)],
            )
        )
    diags = await diagnostics_of(client, uri, 11)
    assert sorted(str(d.code) for d in diags) == ["GL106", "GL501"]


@module_loop
async def test_save_and_close(client: LanguageClient) -> None:
    uri = uri_for("close.md")
    await open_doc(client, uri, DEFECTIVE)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri=uri)))
    assert len(await diagnostics_of(client, uri, 1)) == 2
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri=uri)))
    params = await PUBLISHED[id(client)].next()
    assert (params.uri, list(params.diagnostics)) == (uri, [])


@module_loop
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("empty.md", ""),
        ("binary.txt", "\x00\x01\x02" * 100),
        ("surrogate.md", "\ud800 一、总体情况\n"),
        ("feeds.txt", "一、总体情况\f\u2028\r\n\r二、\n" * 50),
        ("table.md", "|" * 5000 + "\n" + "| 1 |\n" * 200),
        ("untitled", DEFECTIVE),
    ],
)
async def test_any_input_keeps_the_server_alive(client: LanguageClient, name: str, text: str) -> None:
    uri = "untitled:Untitled-1" if name == "untitled" else uri_for(name)
    diags = await open_doc(client, uri, text)
    assert all(d.code != "GL900" for d in diags), [d.message for d in diags]
    for diag in diags:
        await actions_at(client, uri, diag)
    # still answering
    assert await open_doc(client, uri_for(f"after-{name}.md"), CLEAN) == []


@module_loop
async def test_configuration_is_found_from_the_document_folder(client: LanguageClient, tmp_path: Path) -> None:
    assert any(r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in REGISTERED)
    config = tmp_path / "govlint.yaml"
    config.write_text("ignore: [GL5]\nexclude: [drafts]\n", encoding="utf-8")
    (tmp_path / "reports" / "drafts").mkdir(parents=True)
    uri = (tmp_path / "reports" / "2023.md").as_uri()
    diags = await open_doc(client, uri, DEFECTIVE)
    assert [d.code for d in diags] == ["GL106"]
    assert "疑为错别字" in diags[0].message
    assert await open_doc(client, (tmp_path / "reports" / "drafts" / "x.md").as_uri(), DEFECTIVE) == []

    # an edited configuration applies once the client reports the change
    config.write_text("lang: en\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=config.as_uri(), type=lsp.FileChangeType.Changed)])
    )
    diags = await diagnostics_of(client, uri, 1)
    assert sorted(str(d.code) for d in diags) == ["GL106", "GL501"]
    assert "looks misspelt" in by_code(diags, "GL106").message

    # a broken configuration is one diagnostic at the top, and the server goes on
    config.write_text("select: [5]\n", encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri=uri)))
    diags = await diagnostics_of(client, uri, 1)
    assert [(d.code, d.range.start.line) for d in diags] == [("GL900", 0)]
    assert "govlint.yaml" in diags[0].message and diags[0].message.startswith("配置有误")

    # an unknown rule code is refused as `govlint check` refuses it, not silently ignored
    config.write_text("ignore: [GL999]\n", encoding="utf-8")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri=uri)))
    diags = await diagnostics_of(client, uri, 1)
    assert [(d.code, d.range.start.line) for d in diags] == [("GL900", 0)]
    assert "GL999" in diags[0].message and "govlint.yaml:1" in diags[0].message


@module_loop
async def test_english_messages_from_initialization_options(english: LanguageClient) -> None:
    uri = uri_for("english.md")
    diags = await open_doc(english, uri, DEFECTIVE)
    assert "looks misspelt" in by_code(diags, "GL106").message
    actions = await actions_at(english, uri, by_code(diags, "GL501"))
    assert "Disable GL501 for this line" in [a.title for a in actions]


@module_loop
async def test_configuration_change_relints(english: LanguageClient) -> None:
    uri = uri_for("reconfigured.md")
    await open_doc(english, uri, DEFECTIVE)
    english.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(settings={"govlint": {"lang": "zh"}}))
    diags = await diagnostics_of(english, uri, 1)
    assert "疑为错别字" in by_code(diags, "GL106").message


# --------------------------------------------------------------------------- pure parts


def test_positions_count_utf16_code_units() -> None:
    source = Source.from_text("r.md", "a😀b\n𠀀x")
    assert to_position(source, 2, "utf-16") == lsp.Position(line=0, character=3)
    assert to_position(source, 2, "utf-8") == lsp.Position(line=0, character=5)
    assert to_position(source, 2, "utf-32") == lsp.Position(line=0, character=2)
    assert to_position(source, 4, "utf-16") == lsp.Position(line=1, character=0)
    assert to_position(source, 5, "utf-16") == lsp.Position(line=1, character=2)
    assert to_position(source, 99, "utf-16") == lsp.Position(line=1, character=3)  # clamped to the end
    assert code_units("\ud800", "utf-16") == 1  # a lone surrogate from JSON does not raise


def test_disable_edit_adds_to_an_existing_comment() -> None:
    text = "前文\n  <!-- govlint-disable-next-line GL501 -->\n  某句。。\n"
    source = Source.from_text("r.md", text)
    diag = Diagnostic("GL301", "warning", Msg("", ""), Span(text.index("某"), text.index("某") + 1), "x")
    edit = disable_edit(source, diag)
    assert edit.new_text == "  <!-- govlint-disable-next-line GL301 GL501 -->"
    assert text[edit.span.start : edit.span.end] == "  <!-- govlint-disable-next-line GL501 -->"
    first = disable_edit(source, diag._replace(span=Span(0, 1)))
    assert (first.span, first.new_text) == (Span(0, 0), "<!-- govlint-disable-next-line GL301 -->\n")


def test_disable_table_edits_surround_the_table_lines() -> None:
    text = "前文\n| a | 1 |\n| b | 2 |\n\n后文"
    source = Source.from_text("r.md", text)
    start = text.index("|")
    for end in (text.index("\n\n") + 1, text.index("\n\n")):  # with or without the last line end
        before, after = disable_table_edits(source, "GL104", Span(start, end))
        assert (before.span, before.new_text) == (Span(start, start), "<!-- govlint-disable GL104 -->\n")
        assert (after.span.start, after.new_text) == (text.index("\n\n"), "\n<!-- govlint-enable GL104 -->")


def test_changed_region_spares_common_ends() -> None:
    assert changed_region("abcXdef", "abcYYdef") == (Span(3, 4), "YY")
    assert changed_region("aaa", "aa") == (Span(2, 3), "")
    assert changed_region("", "x") == (Span(0, 0), "x")


def test_options() -> None:
    options, problems = parse_options({"govlint": {"lang": "en", "debounce": 50}}, Options())
    assert options == Options("en", 0.05) and problems == []
    options, problems = parse_options({"lang": "fr", "debounce": True}, Options())
    assert options == Options() and len(problems) == 2
    assert parse_options(None, Options()) == (Options(), [])
    assert wants(None, "quickfix") and not wants(None, "source.fixAll.govlint")
    assert wants(["source"], "source.fixAll.govlint") and not wants(["quickfix"], "source.fixAll.govlint")


def test_lint_failure_becomes_a_diagnostic_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    server = build_server(Options())
    server.protocol._workspace = Workspace(None)  # what `initialize` would set up
    uri = uri_for("broken.md")
    server.workspace.put_text_document(lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text="x"))
    logged: list[str] = []

    def broken(settings: Settings) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(server, "engines", broken)
    monkeypatch.setattr(server, "log", lambda kind, message: logged.append(message))
    linted = server.lint(uri)
    assert [d.code for d in linted.result.diagnostics] == ["GL900"]
    assert "RuntimeError: boom" in logged[0]


def test_bad_command_line_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from govlint.commands import main

    assert main(["lsp", "--debounce", "-5"]) == 2
    assert "debounce" in capsys.readouterr().err
