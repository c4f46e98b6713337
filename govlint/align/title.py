"""The report's title, year and organ, from the lines before section 一, and what of a web
page around the report is the page's own (its metadata, the site's footer).

A line with a year beats one without (a site's breadcrumb “首页 > … > 年度报告” is no
title); a title broken over two lines is read as one; without a title, a preamble sentence
that names the report gives the year and the organ, and failing that the first day of the
statistical period gives the year. A site's or crawler's metadata lines (来源：…, 时间：…,
原文链接：…) are never the title, its organ or its year.
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
SPACES = regex.compile(r"\s+")
# A web page's metadata around the report, as the site or a crawler writes it: 来源：…,
# 时间：2024-01-20, 发布时间：… 浏览次数：…, 原文链接：http://…. Such a line is never the title,
# its organ or its year (发布时间：2024年1月20日 is not the report's year), and a web address
# it gives is the page's, not where the report says it can be read. 标题：… is the title.
PAGE_LABELS = (
    r"(?:来源|信息来源|文章来源|发布机构|发文机关|作者|时间|日期|发布时间|发布日期|成文日期|更新时间"
    r"|浏览次数|浏览量|阅读量|阅读次数|访问量|点击数|点击量|字号|字体|索引号"
    r"|原文链接|原文地址|原文网址|来源网址|本文链接|本文地址|页面地址|链接地址)\s*[:：]"
)
PAGE_LABEL = regex.compile(rf"^[\s*#]*{PAGE_LABELS}")
PAGE_VALUE = regex.compile(rf"{PAGE_LABELS}\s*[<（(“\"]?$")
# The site's own footer: a web address on its line is the site's.
SITE_FOOTER = regex.compile(r"网站标识码|ICP备|ICP证|公网安备|版权所有|主办单位|承办单位|技术支持")
TITLE_LABEL = regex.compile(r"^[\s*#]*(?:文章标题|标题|题目)\s*[:：]\s*")
# A date line under a title (2024年1月20日) is when the page was published, not the report's year.
DATE = regex.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")


def find_title(document: Document, first_section: int) -> tuple[Heading | None, int | None, str | None]:
    """The title line, the report year and the organ, from the lines before section 一.
    A line with a year beats one without (a site's breadcrumb “首页 > … > 年度报告” is no
    title); where no title gives the year, a preamble sentence that names the report does.
    A web page's metadata lines are passed over (see :data:`PAGE_LABEL`)."""
    blocks: list[Heading | Paragraph] = [
        b for b in document.blocks if isinstance(b, (Heading, Paragraph)) and not PAGE_LABEL.match(b.text)
    ]
    lines = [b for b in blocks if b.span.start < first_section][:12]
    candidates = sorted(
        (TITLE_YEAR.search(block.text) is None, TITLE_LABEL.match(block.text) is not None, rank, i)
        for i, block in enumerate(lines)
        if (rank := _title_rank(block.text)) is not None
    )
    if not candidates:
        return None, _named_year(blocks), _named_organ(blocks)
    i = candidates[0][-1]
    block = lines[i]
    text = TITLE_LABEL.sub("", block.text.strip().strip("#*").strip())
    year, organ = _year_and_organ(text)
    above = lines[i - 1].text.strip().strip("#*").strip() if i else ""
    if not organ and _title_piece(above) and not (year and TITLE_YEAR.search(above)):
        # a title broken over two lines: 某某县人民政府⏎2023年…报告, 2023年某某县⏎政府信息公开…报告
        year, organ = _year_and_organ(above + text)
    if year is None:
        for other in lines[i + 1 : i + 3]:
            m = YEAR.search(other.text)
            if m and len(other.text) < 20 and not DATE.search(other.text):
                year = int(m.group(1))
                break
    if not organ:  # the organ on a line of its own, above or below the title
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        not_organ = regex.compile(r"\d|报告")
        organ = next(
            (SPACES.sub("", b.text) for b in near if len(b.text) <= 30 and not not_organ.search(b.text)), ""
        )
    title = block if isinstance(block, Heading) else Heading(1, text, block.span)
    return title, year if year is not None else _named_year(blocks), organ or _named_organ(blocks)


def _year_and_organ(text: str) -> tuple[int | None, str]:
    """The year a title names and the organ before it (or after it: 2023年度某县政府信息公开…);
    "" where what is left is no organ (工作年度报告)."""
    year_match = TITLE_YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    organ = text[: year_match.start()] if year_match else text
    if year_match and not organ.strip():  # "2023年度某县政府信息公开…"
        organ = text[year_match.end() :]
    organ = ORGAN_END.sub("", organ)
    if "报告" in organ:  # what is left of a title without a year: “工作年度报告”
        organ = ""
    organ = SPACES.sub("", organ).strip("（()）")
    return year, regex.compile(r"关于$").sub("", organ)


def _title_piece(text: str) -> bool:
    """Whether a line can be the first half of a title broken over two lines: short, no
    sentence, no breadcrumb, not itself a title."""
    return 0 < len(text) <= 30 and _title_rank(text) is None and not any(mark in text for mark in "。，,；>›»")


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


def of_the_page(text: str, at: int) -> bool:
    """Whether what stands at ``at`` of ``text`` is the web page's rather than the report's:
    the value of a metadata label (原文链接：http://…, 来源网址：…) or on the site's footer
    line (网站标识码, ICP备 …)."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    return bool(PAGE_VALUE.search(text, line_start, at) or SITE_FOOTER.search(text, line_start, line_end))
