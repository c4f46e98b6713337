"""GL206 prose-percentage: a share or rate in prose that its counts do not give. A rate read by
a pack entry (``prose.rates``) names it as the finding's entry. Each case writes one paragraph
in place of the clean report's line 7."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with

INTRO = CLEAN.split("\n")[6]
PROSE = ("GL205", "GL206", "GL207")


@pytest.mark.parametrize(
    ("paragraph", "says", "entry"),
    [
        ("共受理群众来信 70 封。其中，邮寄来信 51 封，占比 37%；网络来信 19 封，占比 27%。",
         "正文称“占比 37%”，但 51 ÷ 70 = 72.86%", ""),
        ("县长热线共受理市民来电 1000 次，办结量 990，办结率 98.00%。",
         "正文称“办结率 98.00%”，但 990 ÷ 1000 = 99%", "completion-rate"),
        ("受理诉求７５１８件，已办结７５０８件，办结率９８．８７％。",
         "正文称“办结率98.87%”，但 7508 ÷ 7518 = 99.867%", "completion-rate"),
        ("全年收到来信 200 封（邮寄 150 封，占 70%；网络 50 封，占 25%）。", "正文称“占 70%”，但 150 ÷ 200 = 75%", ""),
    ],
)
def test_a_percentage_its_counts_do_not_give(found: FindFn, paragraph: str, says: str, entry: str) -> None:
    got = found(clean_with(INTRO, paragraph), *PROSE)
    assert [(f.code, f.line, f.severity, f.entry) for f in got] == [("GL206", 7, "warning", entry)]
    assert got[0].message == says and got[0].en


@pytest.mark.parametrize(
    "paragraph",
    [
        INTRO,
        "全县共受理群众来信 70 封，较去年增长 3.4 倍。其中，邮寄来信 51 封，占比 73%；网络来信 19 封，占比 27%。",
        "12345 市民热线受理诉求 7518 件，已办结 7508，未办结 10 件，办结率 99.87%，满意率 99.87%。",
        "县长热线共收理市民来电13698次,办结量13698,办结率100.00%,回访率100%,满意率97.68%;"
        "“县长信箱”收到市民来信111封,办结量100%,办结率100%,满意率100%。",
        "受理“12345”便民服务平台诉求 21836 件，办结 21468 件，满意度 86.54%。",
        "办结率 100%，满意率 98%。",
        "网站受理 30 件，占比 43%；信箱受理 22 件，占比 31%；热线受理 14 件，占比 20%。",
        "受理来信 3 封，办结 2 封，办结率 66.6%。",
    ],
)
def test_percentages_that_agree_or_have_no_counts_stay_quiet(found: FindFn, paragraph: str) -> None:
    assert found(clean_with(INTRO, paragraph), *PROSE) == []  # INTRO itself: the clean report
