"""GL205 prose-sum: a total written in prose that its listed parts do not add up to. Each case
writes one paragraph in place of the clean report's line 7."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with

INTRO = CLEAN.split("\n")[6]  # line 7: “……全年主动公开政府信息1200条，其中政府网站公开700条，政务新媒体公开500条。”
PROSE = ("GL205", "GL206", "GL207")
# Applications handled and their outcomes as the clean report's table 三 counts them (8 + 1 + 3 + 0 = 12),
# then counts of another kind (table 四's reviews and suits), which are no parts of the total.
HANDLED = (
    "全年办结政府信息公开申请 {total} 件，其中予以公开及部分公开 8 件，不予公开 1 件，不掌握信息 3 件，其他处理 0 件"
    "{sep}因政府信息公开引起的行政复议案件 1 件、行政诉讼案件 0 件。"
)


@pytest.mark.parametrize(
    ("paragraph", "says"),
    [
        ("全年主动公开政府信息1200条，其中政府网站公开700条，政务新媒体公开600条。",
         "正文总数为 1200 条，但所列分项 700 + 600 = 1300 条，大于总数"),
        ("全年主动公开政府信息１２００条，其中政府网站公开７００条，政务新媒体公开６００条。",
         "正文总数为 1200 条，但所列分项 700 + 600 = 1300 条，大于总数"),
        ("主动公开信息 1,200 条，其中网站 1,000 条，新媒体 300 条。", "但所列分项 1000 + 300 = 1300 条，大于总数"),
        ("全年受理群众来信 70 封。其中，邮寄来信 51 封；网络来信 29 封。", "总数为 70 封，但所列分项 51 + 29 = 80 封"),
        ("共受理群众诉求 500 件（市民热线 300 件、县长信箱 150 件）。", "300 + 150 = 450 件，小于总数"),
        ("收到咨询 100 次，网站、热线分别为 60 次、30 次。", "60 + 30 = 90 次，小于总数"),
        ("今年以来，共受理群众反映问题 7807 件（12345 市民热线受理诉求 7518 件，已办结 7508，未办结 10 件，"
         "办结率 99.87%，满意率 99.87%；政府网站县长信箱受理 98 件、政务服务网受理 191 件、"
         "政务微信公众号受理 14 件）。",
         "正文总数为 7807 件，但所列分项 7518 + 98 + 191 + 14 = 7821 件，大于总数"),
        # the list ends where the reviews start; its own parts still exceed the total
        (HANDLED.format(total=11, sep="，"), "正文总数为 11 件，但所列分项 8 + 1 + 3 + 0 = 12 件，大于总数"),
    ],
)
def test_parts_that_do_not_add_up(found: FindFn, paragraph: str, says: str) -> None:
    got = found(clean_with(INTRO, paragraph), *PROSE)
    assert [(f.code, f.line, f.severity) for f in got] == [("GL205", 7, "warning")]
    assert says in got[0].message and got[0].en


@pytest.mark.parametrize(
    "paragraph",
    [
        INTRO,
        "共计发布各类信息4308条;其中县政府门户网站公开政策文件、通知公告类信息126条;县政务动态信息1548条,概况类信息26条,"
        "及时转载转发重要信息661条;完善政策解读机制,全年发布政策解读信息60条;重点工作建设专题专栏4个。",
        # one paragraph broken by a page (no sentence end before the blank line)
        "（一）主动公开。2023年度主动公开政府信息407条，其中通过政府门户网站公开35条，主要涉及政策宣传、社会救助等领域，"
        "行政处罚信息1条；通过微信公众号公开政府信息276条，主要涉及政策解\n\n"
        "读、法制宣传等；通过线下公示栏公开政府信息 96 条，主要涉及人事、民生保障等。",
        "总办件数 30.83 万件，其中自然人办件量 23.98 万件，法人办件量 6.85 万件。"
        "总办件数 30.8 万件，其中自然人 24.0 万件，法人 6.9 万件。",  # rounded: within half a unit
        "收到来信 12 封，上年结转来信 1 封，其中 12 封已办理答复，结转下年办理 1 封。",
        "受理诉求 100 件，其中本年新增 80 件，较上年增加 30 件。",
        "发布信息 1.1 万余条，其中网站 8000 条，新媒体 5000 条。",
        "开设专栏 5 个，其中发布信息 300 条、专题 2 个。",
        "今年以来，共受理群众反映问题 7821 件（12345 市民热线受理诉求 7518 件，已办结 7508，未办结 10 件，"
        "办结率 99.87%，满意率 99.87%；政府网站县长信箱受理 98 件、政务服务网受理 191 件、政务微信公众号受理 14 件）。",
        "全县共受理群众来信 70 封，较去年增长 3.4 倍。其中，邮寄来信 51 封，占比 73%；网络来信 19 封，占比 27%。",
        HANDLED.format(total=12, sep="，"),  # the reviews and suits are another kind of count
        HANDLED.format(total=12, sep="；"),
        "办结政府信息公开申请 12 件。其中：予以公开及部分公开 8 件；不予公开 1 件；不掌握信息 3 件；"
        "因政府信息公开引起的行政复议案件 1 件，行政诉讼案件 0 件。",
        "共受理政府信息公开行政复议案件 5 件，其中维持 3 件，纠正 2 件，另有行政诉讼案件 1 件。",
    ],
)
def test_parts_that_add_up_or_are_no_parts_stay_quiet(found: FindFn, paragraph: str) -> None:
    assert found(clean_with(INTRO, paragraph), *PROSE) == []  # INTRO itself: the clean report
