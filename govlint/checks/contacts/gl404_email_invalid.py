"""GL404: an e-mail address that is not well formed."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.align.contacts import contacts_of_kind
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
用 email-validator 检查联系方式中的电子邮箱格式（只查语法，不联网查询域名）：缺少或多了 @、全角符号、
域名不完整等报警告。
Each e-mail address is checked for syntax with email-validator (no network look-up).

## 为什么 / Why
格式错误的邮箱无法收信，公众的疑问和意见送不到。

## 触发示例 / Example that fires
    电子邮箱：txxzfbgs2021＠163.com        （全角 ＠）
    电子邮箱：txxzfbgs2021@163            （域名不完整）

## 通过示例 / Example that passes
    电子邮箱：txxzfbgs2021@163.com

## 如何修复 / How to fix
改正邮箱地址：半角 @，完整的域名（如 163.com、xinyuan.gov.cn）。
"""


def email_problem(address: str) -> str | None:
    """email-validator's reason the address is invalid, or None when it is valid."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


def email_problems(addresses: tuple[str, ...]) -> list[str | None]:
    """:func:`email_problem` of each address of a report, memoised on disk per
    email-validator version: importing it (with idna) costs ~50 ms, so re-linting a report
    (pre-commit, an editor) never does."""
    from govlint._infra.memo import library_answer

    return library_answer(
        "email_validator", __file__, repr(addresses), lambda: [email_problem(a) for a in addresses]
    )


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    emails = contacts_of_kind(report, ctx, "email")
    for contact, problem in zip(emails, email_problems(tuple(c.text for c in emails)), strict=True):
        if problem is not None:
            yield CHECK.finding(
                Msg(
                    f"电子邮箱“{contact.text}”格式无效（{problem}）",
                    f"e-mail address “{contact.text}” is invalid: {problem}",
                ),
                contact.span,
            )


CHECK = Check("GL404", "email-invalid", "warning", Msg("电子邮箱格式无效", "invalid e-mail address"), DOC, run)
