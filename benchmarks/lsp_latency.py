"""How long an editor waits for govlint's diagnostics after a change (run by hand).

Starts ``govlint lsp`` as an editor would, opens a 50 KB report, then repeatedly changes
one character (each version a text never seen before) and times the moment the change is
sent until the diagnostics for that version arrive (target: median <= 30 ms). Changes are
spaced further apart than the debounce window, so each one is a user's single edit, not part
of a burst. The in-process lint time of the same texts is printed too, to tell linting from
transport.

    .venv/bin/python benchmarks/lsp_latency.py [--runs 50] [--size 50000] [--debounce 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tests" / "fixtures" / "clean-minimal.md"
URI = (ROOT / "benchmarks" / "lsp-latency-report.md").as_uri()  # never written: the buffer is in memory
PARAGRAPH = (
    "第{n}项：2023年，本机关围绕重点领域信息公开，在政府网站发布各类信息{n}条，"
    "其中政策文件{m}件、解读材料{k}篇，回应社会关切{m}次。"
)


def report(size: int) -> str:
    """A clean report padded with prose in section 一 to ``size`` bytes of UTF-8."""
    text = TEMPLATE.read_text(encoding="utf-8")
    head, marker, tail = text.partition("## 二、")
    paragraphs: list[str] = []
    n = 0
    while len((head + "".join(paragraphs) + marker + tail).encode("utf-8")) < size:
        n += 1
        paragraphs.append(PARAGRAPH.format(n=n, m=n % 17, k=n % 5) + "\n\n")
    return head + "".join(paragraphs) + marker + tail


def summary(name: str, samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    q = statistics.quantiles(ms, n=10) if len(ms) > 1 else [ms[0]] * 9
    return (
        f"{name:<22} median {statistics.median(ms):7.2f} ms   p10 {q[0]:7.2f}   p90 {q[-1]:7.2f}   "
        f"min {ms[0]:7.2f}   max {ms[-1]:7.2f}   stdev {statistics.pstdev(ms):6.2f}   (n={len(ms)})"
    )


async def measure(text: str, runs: int, debounce_ms: float) -> list[float]:
    client = LanguageClient("lsp-latency", "1")
    arrived: dict[int, asyncio.Future[float]] = {}

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        future = arrived.get(params.version or 0)
        if future is not None and not future.done():
            future.set_result(time.perf_counter())

    await client.start_io(sys.executable, "-m", "govlint", "lsp", "--debounce", str(debounce_ms))
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
    client.initialized(lsp.InitializedParams())
    loop = asyncio.get_running_loop()

    async def send(version: int, change: str | None) -> float:
        arrived[version] = loop.create_future()
        start = time.perf_counter()
        if change is None:
            item = lsp.TextDocumentItem(uri=URI, language_id="markdown", version=version, text=text)
            client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=item))
        else:
            client.text_document_did_change(
                lsp.DidChangeTextDocumentParams(
                    text_document=lsp.VersionedTextDocumentIdentifier(uri=URI, version=version),
                    content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=change)],
                )
            )
        end = await asyncio.wait_for(arrived[version], timeout=30)
        return end - start

    await send(1, None)  # warm-up: plugins, pack and readers are loaded on the first lint
    samples = []
    for version in range(2, runs + 2):
        await asyncio.sleep(debounce_ms / 1000 + 0.05)  # a single edit, not a burst
        samples.append(await send(version, edit(text, version)))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()  # type: ignore[no-untyped-call]
    return samples


def edit(text: str, version: int) -> str:
    """The text after one more keystroke, typed near the top of the report: each version is
    one character longer than the one before (so everything after the edit moves, as when
    typing) and is a text no earlier version had (so no cache keyed by the whole text can
    answer for the linter)."""
    return text.replace("第1项", "第1项" + "新" * version, 1)


def lint_times(text: str, runs: int) -> list[float]:
    from govlint.engine import Engine

    engine = Engine()
    engine.lint_text("report.md", text)
    samples = []
    for version in range(2, runs + 2):
        edited = edit(text, version)
        start = time.perf_counter()
        engine.lint_text("report.md", edited)
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--size", type=int, default=50_000, help="report size in bytes of UTF-8")
    parser.add_argument("--debounce", type=float, default=200, help="server debounce window in ms")
    args = parser.parse_args()
    text = report(args.size)
    print(f"report: {len(text.encode('utf-8'))} bytes, {len(text)} characters, {text.count(chr(10))} lines")
    print(summary("change → diagnostics", asyncio.run(measure(text, args.runs, args.debounce))))
    print(summary("lint in process", lint_times(text, args.runs)))


if __name__ == "__main__":
    main()
