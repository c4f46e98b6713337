"""One organ's reports over the years, made from the clean report (tests/fixtures/clean-minimal.md),
and repositories of them on disk, for the cross-year tests.

A year's report is the clean one with its years moved, its organ renamed, its numbers changed
where a case needs it (table 三's 上年结转 and 结转下年度, keeping the table's identities true;
table 二's 行政规范性文件), and its prose made of paragraphs chosen from two sets written
apart (``FIRST``, ``SECOND``): a report copies last year's prose as far as it takes the same
paragraphs (with new numbers, which the comparison ignores).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from conftest import CLEAN, Found, clean_with

from govlint.engine import Engine
from govlint.model import Report
from govlint.source import source_from_text

#: The clean report's 要点 sentence, which opens section 一 in every year (so a little prose
#: is the same each year, as in real reports).
OPENING = "2023年，平罗县按照《2023年政务公开工作要点》要求推进政务公开。"

#: Ten paragraphs of one year's prose: eight for section 一, two for section 五.
FIRST = (
    "全年主动公开政府信息1200条，及时准确发布各类政策文件、重要会议和重点工作动态，信息更新及时。",
    "围绕优化营商环境，集中公开行政许可、行政处罚等执法信息，做到应公开尽公开、应解读尽解读。",
    "依申请公开工作规范有序，全部申请均在法定期限内答复，答复内容准确完整，未发生逾期答复。",
    "加强政府信息管理，对现行有效的行政规范性文件进行全面梳理，并在政府网站集中统一公布。",
    "推进政府网站集约化建设，优化栏目设置，提升信息检索和在线服务能力，方便群众查找信息。",
    "强化政务新媒体管理，建立信息发布三级审核机制，确保发布内容准确权威、更新及时。",
    "将政务公开工作纳入年度绩效考核，组织开展业务培训2次，提升工作人员的业务能力。",
    "加强政策解读，采用图解、视频等形式解读重要政策文件15件，积极回应社会关切。",
    "一是政策解读形式还不够丰富，二是基层政务公开标准化建设有待加强，三是公开时效性不足。",
    "下一步，将丰富解读形式，推进基层政务公开标准化规范化建设，进一步提升公开质量和实效。",
)
#: The same ten places written anew.
SECOND = (
    "本年度通过门户网站和微信公众号发布各类信息1350条，重点做好惠企政策的集中发布和推送工作。",
    "结合乡村振兴工作，专题公开涉农补贴资金发放情况，在村务公开栏同步张贴，接受群众监督。",
    "畅通依申请公开渠道，完善登记、审核、答复流程，答复文书实现格式统一，程序更加规范。",
    "开展行政规范性文件清理，废止不适应发展需要的文件，并将清理结果向社会公告。",
    "完成政府网站适老化和无障碍改造，新增办事指南专栏，方便老年人和残疾人查询办理。",
    "整合关停长期不更新的政务新媒体账号，集中力量办好主账号，提高信息发布的影响力。",
    "制定政务公开考核细则，对各部门公开工作按季度通报排名，层层压实工作责任。",
    "邀请人大代表、政协委员和群众代表参加政府开放日活动3次，增进社会各界的理解和支持。",
    "存在的问题主要是部门之间公开进度不够均衡，个别栏目更新不够及时，解读材料质量参差不齐。",
    "今后将建立栏目更新提醒机制，加强对部门公开工作的日常指导和督查，确保问题整改到位。",
)


def renumbered(paragraph: str) -> str:
    """The paragraph with each number one larger: last year's sentence with this year's figures."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), paragraph)


def copying(share: int, last: Sequence[str] = FIRST, new: Sequence[str] = SECOND) -> tuple[str, ...]:
    """Ten paragraphs of which ``share`` (out of ten) are last year's with new numbers."""
    return tuple(renumbered(p) for p in last[:share]) + tuple(new[share:])


def report(
    year: int = 2023,
    prose: Sequence[str] = FIRST,
    *,
    organ: str = "平罗县",
    carried_in: int = 1,
    carried_out: int = 1,
    rules: tuple[int, int, int] = (5, 2, 30),
    title_year: bool = True,
    period_year: int | None = None,
) -> str:
    """A report for ``year``: the clean report with ``prose`` for sections 一 (the first eight
    paragraphs) and 五 (the rest), ``carried_in`` and ``carried_out`` applications (自然人, and
    so 总计) in table 三's rows 二 and 四 with 一 balancing them, ``rules`` the 行政规范性文件 row
    of table 二 (本年制发, 本年废止, 现行有效). Without ``title_year`` the title names no year;
    ``period_year`` states the statistical period of another year than ``year``."""
    text = clean_with("| 二、上年结转政府信息公开申请数量 | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
                      f"| 二、上年结转政府信息公开申请数量 | | {carried_in} | 0 | 0 | 0 | 0 | 0 | {carried_in} |")
    text = clean_with("| 四、结转下年度继续办理 | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
                      f"| 四、结转下年度继续办理 | | {carried_out} | 0 | 0 | 0 | 0 | 0 | {carried_out} |", text)
    new = 10 + carried_out - carried_in  # 一 + 二 = （七） + 四, column by column
    text = clean_with("| 一、本年新收政府信息公开申请数量 | | 10 | 1 | 0 | 0 | 1 | 0 | 12 |",
                      f"| 一、本年新收政府信息公开申请数量 | | {new} | 1 | 0 | 0 | 1 | 0 | {new + 2} |", text)
    text = clean_with("| 行政规范性文件 | 5 | 2 | 30 |", "| 行政规范性文件 | {} | {} | {} |".format(*rules), text)
    text = clean_with(CLEAN.split("\n")[6], "\n\n".join((OPENING, *prose[:8])), text)
    text = clean_with(CLEAN.split("\n")[66], "\n\n".join(prose[8:]), text)
    text = clean_with("2024年1月20日", f"{year + 1}年1月20日", text)
    if period_year is not None:
        period = "自{0}年1月1日起至{0}年12月31日止"
        text = clean_with(period.format(2023), period.format(period_year), text)
    text = text.replace("2023", str(year))
    if not title_year:
        text = clean_with(f"# 平罗县{year}年政府信息公开工作年度报告", "# 平罗县政府信息公开工作年度报告", text)
    return text.replace("平罗县", organ)


def write(root: Path, files: dict[str, str]) -> Path:
    """The files (relative path: text) under ``root``, which is returned."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` with a fixed identity (no user settings)."""
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "user.name=govlint test",
         "-c", "user.email=test@example.org", *args],
        cwd=root, capture_output=True, text=True, check=True,
    )
    return done.stdout


def read(engine: Engine, path: str, text: str) -> Report:
    """``text`` read and aligned as the report at ``path``."""
    aligned = engine.report(source_from_text(path, text))
    assert isinstance(aligned, Report)
    return aligned


def found_against(engine: Engine, text: str, previous: str, *codes: str, path: str = "reports/2023/平罗县.md",
                  previous_path: str = "reports/2022/平罗县.md") -> list[Found]:
    """The findings (codes starting with one of ``codes``) of ``text`` linted against
    ``previous`` as last year's report."""
    source = source_from_text(path, text)
    result = engine.lint_report(source, engine.report(source), read(engine, previous_path, previous))
    return [
        Found(d.code, *source.position(d.span.start), d.severity, d.message.zh, d.message.en, d.rule, d.entry)
        for d in result.diagnostics
        if not codes or d.code.startswith(codes)
    ]
