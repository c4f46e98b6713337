"""GL205 and GL207 on prose whose numbers all agree with each other and with the tables: whatever
wording the format's phrasings allow, nothing is reported (a false “does not add up” costs more
trust than a missed one). The paragraph is drawn from a small grammar of those phrasings and
stands in the clean report (table 三: 12 new, 1 carried over; （一）7, （二）1, （三）1, （四）1 3,
（六）0, 12 in all; table 四: 1 review; table 二: 5 行政规范性文件 issued)."""

from __future__ import annotations

from conftest import CLEAN, FindFn, clean_with
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

INTRO = CLEAN.split("\n")[6]

APPLICATIONS = st.sampled_from([
    "全年共收到政府信息公开申请 12 件",
    "本年度新收政府信息公开申请 12 件",
    "共受理政府信息公开申请12件",
    "全年共受理政府信息公开申请 13 件（含上年结转 1 件）",
    "受理政府信息公开申请 13 件，其中本年新收 12 件、上年结转 1 件",
])
GRANTED = st.sampled_from([
    ("予以公开 7 件", "部分公开 1 件"),
    ("予以公开及部分公开 8 件",),
    ("予以公开和部分公开 8 件",),
    ("予以公开（含部分公开）8 件",),
])
OTHERS = st.permutations(["不予公开 1 件", "不掌握信息 3 件", "其他处理 0 件"])
SEPARATOR = st.sampled_from(["，", "、", "；"])
LIST = st.sampled_from(["办结申请 12 件，其中{parts}", "办结申请 12 件。其中，{parts}", "共办结申请 12 件（{parts}）"])
REVIEWS = st.sampled_from([
    "",
    "{sep}因政府信息公开引起的行政复议案件 1 件、行政诉讼案件 0 件",
    "。因政府信息公开被申请行政复议 1 件",
])
DOCUMENTS = st.sampled_from(["", "全年印发行政规范性文件 5 件。", "公开涉及群众切身利益的规范性文件 5 个。"])


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    sep = draw(SEPARATOR)
    parts = sep.join([*draw(GRANTED), *draw(OTHERS)])
    handled = draw(LIST).format(parts=parts)
    reviews = draw(REVIEWS).format(sep="；" if sep == "；" else "，")
    return f"{draw(APPLICATIONS)}。{handled}{reviews}。{draw(DOCUMENTS)}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=paragraph())
def test_consistent_numbers_are_never_reported(found: FindFn, text: str) -> None:
    assert found(clean_with(INTRO, text), "GL205", "GL207") == [], text
