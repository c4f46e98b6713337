"""GL207: a count the prose repeats from a table differs from the table cell."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govlint.align.prose import Mention, MentionRule, Said, facts_for, grammar
from govlint.checks._common import decimal_text
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
正文复述表格中的数字时（“受理政府信息公开申请 N 件”“予以公开 N 件”“其他处理 N 件”“行政复议 N 件”
“规范性文件 N 件”等），应与对应单元格一致。短语与单元格的对应关系写在规则包 `prose.mentions` 中
（模式、表、行的组合、列、须有/不得有的上下文词），省级规则包可以增补。
A count the text repeats from a table must equal the cell (or sum of cells) it repeats. The
phrase-to-cell mapping is data in the pack (`prose.mentions`: pattern, table, alternative row
sets, column, context words required or forbidden in the clause).

- 申请数是“一、本年新收”；正文写明含上年结转（“受理 13 件（含上年结转 1 件）”“其中上年结转……”）时，
  “一 + 二”也算相符。没有写明而数字恰好等于“一 + 二”时，两种读法之一成立，不算不符：以提示级别报告，
  同时写出两种读法（“正文称受理 13 件；表三本年新收 12 件，加上年结转 1 件才是 13 件”），请正文写明。
  规则包中这是 mention 的 `said`。
  The number of applications is the year's new ones (一); it may include the carry-over (一 + 二)
  where the sentence says so (含上年结转 1 件, 其中上年结转 …). A number equal to 一 + 二 where the
  sentence does not say so is true in one reading: reported at info level naming both readings,
  never as a mismatch (the mention's `said` in the pack).
- 几类结果合并叙述时与各行之和比较：“予以公开及部分公开 N 件”“予以公开（含部分公开）N 件”是（一）+（二），
  不是（二）；同一个数字被两个短语读到时，以较长的短语为准。
  Categories named together are compared with the sum of their rows (予以公开及部分公开 N 件 is
  （一）+（二）, not （二）); a number two phrases read belongs to the longer one.
- 单元格空白或缺失时不比较（空白不是零，由结构规则报告）；约数不比较。
  A blank or missing cell is not compared (blank is not zero; the structure rules report it).
- 同一分句中有“废止、现行有效、解读”等词时，规范性文件的数字不是本年制发数，不比较。
  废止 8 件 or 现行有效 20 件 are other quantities than 本年制发 and are not compared.
- 分句中写明了别的年份（“2022年收到申请16件”；分句没有年份时看本句在它之前写的最后一个年份：
  “2022年，本机关共制定规范性文件0件”），或表格的数字也出现在同一句中（“全县共收到申请85件，
  其中县政府本级70件”），读法不唯一，不比较。
  Not compared when the clause names another year (2022年收到申请16件; a clause without one takes
  the last year its sentence names before it), or when the table's
  number is also written in the same sentence (全县85件，其中本级70件): which count repeats the
  cell is then unclear.

## 为什么 / Why
正文与表格不一致时读者无法判断哪个数字正确；常见原因是把几类处理结果合并叙述。

## 触发示例 / Example that fires
    其他处理 4 件，占比 6%。   （表三“（六）其他处理”三行总计之和为 1）

## 通过示例 / Example that passes
    公开涉及群众切身利益的规范性文件 7 个。   （表二“行政规范性文件”本年制发件数为 7）

## 如何修复 / How to fix
以表格为准核对原始台账，改正正文或表格；合并叙述时写明所含类别。
"""


def _values(report: Report, rule: MentionRule, rows: tuple[str, ...]) -> list[Decimal] | None:
    table = report.table(rule.table)
    if table is None:
        return None
    values = []
    for row_id in rows:
        row = table.row(row_id)
        value = row.value(rule.column) if row is not None else None
        if value is None:
            return None  # blank is not zero: cannot compare
        values.append(value)
    return values


def _cells(report: Report, rule: MentionRule, rows: tuple[str, ...]) -> Decimal | None:
    values = _values(report, rule, rows)
    return None if values is None else sum(values, Decimal(0))


def _check(report: Report, rule: MentionRule, mention: Mention) -> Diagnostic | None:
    sums = [_cells(report, rule, rows) for rows in rule.rows]
    if not sums or any(s is None for s in sums):
        return None
    said = mention.quantity.value
    unsaid = {x.rows: x for x in rule.said if x.rows not in mention.said}
    if any(said == s for i, s in enumerate(sums) if i not in unsaid):
        return None
    if report.year is not None and any(year != report.year for year in mention.years):
        return None  # another year's count: 2022年收到申请16件
    if all(s in mention.others for s in sums):
        return None  # the table's number is in the sentence too: which one repeats the cell is unclear
    reading = next((x for i, x in unsaid.items() if sums[i] == said), None)
    if reading is not None:
        return _two_readings(report, rule, mention, reading)
    table = sums[0]
    assert table is not None
    return CHECK.finding(
        Msg(
            f"正文称“{mention.phrase}”，但{rule.cell.zh}为 {decimal_text(table)}",
            f"the text says '{mention.phrase}' ({rule.what.en}: {decimal_text(said)}), "
            f"but {rule.cell.en} is {decimal_text(table)}",
        ),
        mention.span,
        entry=rule.id,
    )


def _two_readings(report: Report, rule: MentionRule, mention: Mention, reading: Said) -> Diagnostic:
    """The number is the sum of rows the sentence does not say it counts (一 + 二 without
    含上年结转): true in one reading, so named with both, at info level."""
    values = [decimal_text(v) for v in _values(report, rule, rule.rows[reading.rows]) or ()]
    total = decimal_text(mention.quantity.value)
    zh, en = (text.format(*values, sum=total) for text in reading.reading)
    return CHECK.finding(
        Msg(f"正文称“{mention.phrase}”；{zh}", f"the text says '{mention.phrase}'; {en}"),
        mention.span,
        severity="info",
        entry=rule.id,
    )


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    rules = {rule.id: rule for rule in grammar(report.pack).mentions}
    for mention in facts_for(report, ctx).mentions:
        found = _check(report, rules[mention.rule], mention)
        if found is not None:
            yield found


CHECK = Check(
    "GL207",
    "text-table-mismatch",
    "warning",
    Msg("正文复述的数字与表格不符", "a count in the text differs from the table"),
    DOC,
    run,
)
