"""The report's title, year and organ, from the lines before section 一.

A line with a year beats one without (a site's breadcrumb “首页 > … > 年度报告” is no
title); without a title, a preamble sentence that names the report gives the year and the
organ, and failing that the first day of the statistical period gives the year.
"""

from __future__ import annotations

from govlint._infra import regex
from govlint.model import Document, Heading, Paragraph

YEAR = regex.compile(r"((?:19|20)\d{2})\s*年")
# In a title the 年 may be missing: “2022政府信息公开工作年度报告”.
# Not the year of a document number: 〔2021〕30号.
TITLE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?!\s*[〕\]）)]\s*\d)\s*(?:年度?)?")
TITLE_WORDS = ("年度报告", "工作报告", "年报")
# A title without those words: “关于2022年度政府信息公开情况的报告”.
TITLE_LOOSE = regex.compile(r"(?:信息公开|政务公开|信息公開).*(?:报告|報告)")
BREADCRUMB = regex.compile(r"[>›»].*[>›»]|当前位置")
# Where no title gives the year, the preamble names the report: “现公布法库县自然资源局2022年
# 政府信息公开工作年度报告”, “2022年度本单位政府信息公开工作年度报告”.
REPORT_NAMED = regex.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年度?[^。；;，,\n]{0,20}?(?:信息公开|政务公开|信息公開)[^。；;，,《》\n]{0,6}?(?:报告|報告)"
)
# Failing that, the start of the statistical period: “统计期限为2023年1月1日至…”.
PERIOD_START = regex.compile(r"统计[^。；;，,\n\d]{0,14}?(?<!\d)((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日")
# The organ, where a preamble sentence names the report: “现公布建平县人民政府2025年…年度报告”.
ORGAN_NAMED = regex.compile(
    r"(?:公布|发布|编制|编制了|形成了|制作)(?:了|的)?\s*(?P<organ>[^，,。；;：:《》“”\s\d]{2,30}?"
    r"(?:政府|办公室|办公厅|委员会|办事处|局|委|办|厅|部|署|院|街道|镇|乡|中心|分局|管委会))\s*(?:19|20)\d{2}\s*年"
)
PREAMBLE_BLOCKS = 4
ORGAN_END = regex.compile(r"(?:政府信息公开|信息公开|政务公开).*$")

def find_title(document: Document, first_section: int) -> tuple[Heading | None, int | None, str | None]:
    """The title line, the report year and the organ, from the lines before section 一.
    A line with a year beats one without (a site's breadcrumb “首页 > … > 年度报告” is no
    title); where no title gives the year, a preamble sentence that names the report does."""
    blocks: list[Heading | Paragraph] = [b for b in document.blocks if isinstance(b, (Heading, Paragraph))]
    lines = [b for b in blocks if b.span.start < first_section][:12]
    candidates = sorted(
        (TITLE_YEAR.search(block.text) is None, rank, i)
        for i, block in enumerate(lines)
        if (rank := _title_rank(block.text)) is not None
    )
    if not candidates:
        return None, _named_year(blocks), _named_organ(blocks)
    i = candidates[0][2]
    block = lines[i]
    text = block.text.strip().strip("#*").strip()
    year_match = TITLE_YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    organ = text[: year_match.start()] if year_match else text
    if year_match and not organ.strip():  # "2023年度某县政府信息公开…"
        organ = text[year_match.end() :]
    organ = ORGAN_END.sub("", organ)
    if "报告" in organ:  # what is left of a title without a year: “工作年度报告”
        organ = ""
    organ = regex.compile(r"\s+").sub("", organ).strip("（()）")
    organ = regex.compile(r"关于$").sub("", organ)
    if year is None:
        for other in lines[i + 1 : i + 3]:
            m = YEAR.search(other.text)
            if m and len(other.text) < 20:
                year = int(m.group(1))
                break
    if not organ:  # the organ on a line of its own, above or below the title
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        spaces, not_organ = regex.compile(r"\s+"), regex.compile(r"\d|报告")
        organ = next(
            (spaces.sub("", b.text) for b in near if len(b.text) <= 30 and not not_organ.search(b.text)), ""
        )
    title = block if isinstance(block, Heading) else Heading(1, text, block.span)
    return title, year if year is not None else _named_year(blocks), organ or _named_organ(blocks)


def _named_organ(blocks: list[Heading | Paragraph]) -> str | None:
    """The organ as a preamble sentence that names the report gives it, if one does."""
    for block in blocks[:PREAMBLE_BLOCKS]:
        m = ORGAN_NAMED.search(block.text)
        if m:
            return m.group("organ")
    return None


def _title_rank(text: str) -> int | None:
    """How well a line reads as the title (lower is better: "年度报告" beats a "年报"), or
    None if it is no title."""
    if len(text.strip()) > 60 or BREADCRUMB.search(text) or any(mark in text for mark in "。，,；"):
        return None  # long, a breadcrumb, or a sentence
    rank = next((r for r, word in enumerate(TITLE_WORDS) if word in text), None)
    if rank is None and TITLE_LOOSE.search(text):
        rank = len(TITLE_WORDS)
    return rank


def _named_year(blocks: list[Heading | Paragraph]) -> int | None:
    """The year of the report as the first paragraphs name it, or as their statistical
    period starts, if they do."""
    for pattern in (REPORT_NAMED, PERIOD_START):
        for block in blocks[:PREAMBLE_BLOCKS]:
            m = pattern.search(block.text)
            if m:
                return int(m.group(1))
    return None
