"""The review page in a real browser: headless Chromium runs its script, and the test clicks
a column's header, types into the filter box, unticks a status, opens a report and follows a
pair link, as a person would (mouse and key events through the DevTools protocol over a pipe:
no port, no extra package), then reads what the page shows.

Skipped where Chromium is not installed; CI installs Debian's ``chromium`` (``.ci/run``)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govlint.model import Context, Diagnostic, FileResult, Msg, OutputOptions, ReportFacts, Source, Span
from govlint.output import html

CHROMIUM = os.environ.get("GOVLINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium here (apt-get install chromium; CI installs it in .ci/run)"
)
#: Flags for a headless browser that reaches nothing outside the page it is given.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,900")

TEXT = "某某县人民政府2023年报告\n一、总体情况\n本年共收到申请5件。。<i>斜</i>\n第二行 100% 完成\n"
SOURCE = Source.from_text("x.md", TEXT)
STOPS = TEXT.index("。。")
DOUBLED = Diagnostic("GL501", "info", Msg("重复标点“。。”", "doubled punctuation"), Span(STOPS, STOPS + 2), "doubled")
HUNDRED = TEXT.index("100")
TOTAL = Diagnostic("GL201", "error", Msg("合计不符", "total wrong"), Span(HUNDRED, HUNDRED + 4), "table-row-total")
OLD = Diagnostic("GL301", "warning", Msg("引用往年要点", "old basis"), Span(0, 5), "outdated-basis")
RESULTS = [
    FileResult("r/2023/anning.md", SOURCE, (DOUBLED, TOTAL),
               facts=ReportFacts("安宁县", 2023, "r/2022/anning.md", 0.6)),
    FileResult("r/2022/anning.md", SOURCE, (OLD,), facts=ReportFacts("安宁县", 2022)),
    FileResult("r/2023/donghe.md", SOURCE, (), facts=ReportFacts("东河区", 2023, "r/2022/donghe.md", 0.1)),
    FileResult("r/2023/qinghe.md", SOURCE, (DOUBLED,), facts=ReportFacts("清河乡人民政府", 2021)),
    FileResult("r/2023/broken.pdf", None, (), "r/2023/broken.pdf: 无法读取 / cannot read"),
    FileResult("r/2023/unknown.md", SOURCE, (OLD, OLD)),
]


def page(tmp_path: Path, lang: str = "zh") -> Path:
    path = tmp_path / "review.html"
    path.write_text(html.render(RESULTS, Context(lang, OutputOptions())), encoding="utf-8")
    return path


def high(fd: int) -> int:
    """``fd`` moved to a number above 4 (and not inherited)."""
    import fcntl  # POSIX only, as the pipe's fds 3 and 4 are

    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 5)
    os.close(fd)
    return moved


class Browser:
    """Chromium driven through ``--remote-debugging-pipe``: commands go in on its fd 3 and
    answers come out on fd 4, each a JSON message ended by a NUL byte."""

    def __init__(self, user_data: str) -> None:
        # Chromium reads commands on its fd 3 and answers on fd 4. The child's ends are first
        # moved above 4, so that putting one on 3 cannot overwrite the other.
        to_browser_r, self.to_browser = (high(fd) for fd in os.pipe())
        self.from_browser, from_browser_w = (high(fd) for fd in os.pipe())

        def on_3_and_4() -> None:  # in the child, before Chromium starts
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        assert CHROMIUM is not None
        self.process = subprocess.Popen(  # only 3 and 4 are inheritable, and so passed on
            [CHROMIUM, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={user_data}", "about:blank"],
            preexec_fn=on_3_and_4, close_fds=False, start_new_session=True,  # its helpers in its group
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.session = ""
        target = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)["sessionId"]

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_browser, 1 << 16)
                if not chunk:
                    raise RuntimeError(f"Chromium closed the pipe during {method}")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:  # events and other answers are passed over
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer["result"]
                return result

    def js(self, expression: str) -> Any:
        answer = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(answer["exceptionDetails"])
        return answer["result"].get("value")

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        for _ in range(200):
            if self.js("document.readyState === 'complete' && document.getElementById('reports') !== null"):
                return
            self.js("new Promise(r => setTimeout(r, 25))")
        raise TimeoutError(url)

    def click(self, selector: str) -> None:
        """A left click in the middle of the element, as the mouse makes it."""
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView();"
                      " const b = e.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type(self, text: str) -> None:
        self.send("Input.insertText", text=text)

    def close(self) -> None:
        os.close(self.to_browser)
        os.close(self.from_browser)
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        # Chromium's helpers (crash handler, zygote) may outlive it and still write to the
        # profile folder while it is being removed: end the whole group first.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


@pytest.fixture
def browser() -> Iterator[Browser]:
    with tempfile.TemporaryDirectory(prefix="govlint-chromium-", ignore_cleanup_errors=True) as user_data:
        b = Browser(user_data)
        try:
            yield b
        finally:
            b.close()


#: The rows as the page shows them: path of each visible report, in order.
VISIBLE = "[...document.querySelectorAll('#reports tbody')].filter(b => !b.hidden).map(b => b.dataset.path)"


def test_sort_filter_open_and_follow_a_pair_by_hand(browser: Browser, tmp_path: Path) -> None:
    browser.open(page(tmp_path).as_uri())
    assert len(browser.js(VISIBLE)) == len(RESULTS)
    assert browser.js("document.getElementById('shown').textContent") == "显示 6 / 6 份报告"

    browser.click("th[data-key=year]")  # a number: the largest first
    assert browser.js(VISIBLE)[:3] == ["r/2023/anning.md", "r/2023/donghe.md", "r/2022/anning.md"]
    assert browser.js(VISIBLE)[-2:] == ["r/2023/broken.pdf", "r/2023/unknown.md"]  # no year: last either way
    browser.click("th[data-key=year]")
    assert browser.js(VISIBLE)[:2] == ["r/2023/qinghe.md", "r/2022/anning.md"]
    assert browser.js(VISIBLE)[-2:] == ["r/2023/broken.pdf", "r/2023/unknown.md"]
    assert browser.js("document.querySelector('th[data-key=year]').getAttribute('aria-sort')") == "ascending"
    assert browser.js("location.hash") == "#sort=year"

    browser.click("#q")
    browser.type("安宁")
    assert browser.js(VISIBLE) == ["r/2022/anning.md", "r/2023/anning.md"]
    browser.click("input[name=status][value=warnings]")  # untick: only the 2023 report (with errors) stays
    assert browser.js(VISIBLE) == ["r/2023/anning.md"]
    assert browser.js("document.getElementById('shown').textContent") == "显示 1 / 6 份报告"
    assert browser.js("decodeURIComponent(location.hash)") == (
        "#sort=year&q=安宁&status=unreadable,errors,notes,clean")

    detail = "document.querySelector('tbody:not([hidden]) tr.detail')"
    assert browser.js(f"getComputedStyle({detail}).display") == "none"
    browser.click("tbody:not([hidden]) tr.head td.organ")
    assert browser.js(f"getComputedStyle({detail}).display") == "table-row"
    findings = browser.js(f"[...{detail}.querySelectorAll('li')].map(li => li.innerText)")
    assert findings[0].startswith("3:10 GL501 提示 重复标点“。。”")
    assert "本年共收到申请5件。。<i>斜</i>" in findings[0]  # the report's markup is text, not markup
    assert browser.js(f"{detail}.querySelector('li mark').textContent") == "。。"
    assert browser.js(f"{detail}.querySelector('li i')") is None

    browser.click("tbody:not([hidden]) a.pair-link")  # last year's report: hidden by the filter, shown again
    assert len(browser.js(VISIBLE)) == len(RESULTS)
    last_year = html.report_id("r/2022/anning.md")
    assert browser.js(f"document.getElementById('{last_year}').classList.contains('open')")


def test_the_view_in_the_link_is_restored(browser: Browser, tmp_path: Path) -> None:
    url = page(tmp_path, "en").as_uri() + "#sort=-errors&q=r%2F2023&status=errors,warnings,notes"
    browser.open(url)
    assert browser.js(VISIBLE) == ["r/2023/anning.md", "r/2023/qinghe.md", "r/2023/unknown.md"]  # ties by path
    assert browser.js("document.getElementById('q').value") == "r/2023"
    assert browser.js("document.getElementById('shown').textContent") == "3 of 6 reports shown"
    assert browser.js("document.querySelector('a.pair-link').classList.contains('absent')") is False
    assert browser.js(  # 东河区's last year is not on the page: its link says so
        "[...document.querySelectorAll('a.pair-link')].filter(a => a.classList.contains('absent')).length") == 1


def test_dump_dom_of_a_sorted_filtered_link(tmp_path: Path) -> None:
    """What ``chromium --dump-dom`` shows: the page after its script ran on the link's view."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="govlint-chromium-", ignore_cleanup_errors=True) as user_data:
        done = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={user_data}", "--dump-dom",
             page(tmp_path).as_uri() + "#sort=organ&q=县"],
            capture_output=True, text=True, timeout=120, check=True,
        )
    bodies = re.findall(r"<tbody ([^>]*)>", done.stdout)
    order = [re.search(r'data-path="([^"]*)"', attrs).group(1) for attrs in bodies]  # type: ignore[union-attr]
    shown = [path for path, attrs in zip(order, bodies, strict=True) if not re.search(r"\bhidden\b", attrs)]
    assert shown == ["r/2022/anning.md", "r/2023/anning.md"]  # 安宁县 (only its organ has 县), by path
    assert order[2:4] == ["r/2023/donghe.md", "r/2023/qinghe.md"]  # 东河区 before 清河乡 (pinyin), unknown last
