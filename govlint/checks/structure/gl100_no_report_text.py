"""GL100: the file holds no report text at all (empty, blank, or a PDF without a text layer)."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.model import Check, Context, Diagnostic, Msg, Report, Span

DOC = """
## 检查什么 / What it checks
文件中没有可以检查的文字：空文件、只有空白的文件，或没有文字层的 PDF（扫描件、图片）。
The file has no text to check: it is empty or blank, or it is a PDF without a text layer
(a scan). govlint then reports this one finding and nothing else about the file.

## 为什么 / Why
缺少六个部分、缺少联系方式……对一个读不出文字的文件逐条报告毫无意义，只会掩盖真正的原因。
Six "missing section" errors and five "missing contact" warnings for a file govlint cannot
read would hide the one thing to do.

## 触发示例 / Example that fires
    （空文件，或扫描的 PDF）

## 通过示例 / Example that passes
    任何有文字的报告。 Any report with text.

## 如何修复 / How to fix
扫描件先做文字识别（OCR），或改用原始的 Word/PDF 文件；空文件请补上报告内容。
OCR a scanned PDF first, or check the original Word or PDF file; fill in an empty file.
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    if report.source.text.strip():
        return
    if report.source.rendered == "pdf":
        message = Msg(
            "PDF 中没有可读取的文字（可能是扫描件或图片），请先进行文字识别（OCR）或使用原始文件",
            "the PDF has no text layer (a scan or images?): OCR it first, or check the original file",
        )
    elif report.source.rendered:
        message = Msg("文件中没有报告正文", "the file holds no report text")
    else:
        message = Msg("报告为空（文件中只有空白）", "the report is empty (the file holds only whitespace)")
    yield CHECK.finding(message, Span(0, 0))


CHECK = Check("GL100", "no-report-text", "error", Msg("文件中没有报告文字", "no report text in the file"), DOC, run)
