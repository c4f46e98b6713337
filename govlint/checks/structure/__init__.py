"""GL1xx: the report's structure — sections, headings, tables and their cells."""

from __future__ import annotations

from govlint.checks.structure import (
    gl100_no_report_text,
    gl101_missing_section,
    gl102_section_order,
    gl103_heading_variant,
    gl104_table_columns,
    gl105_cell_value,
    gl106_label_variant,
    gl107_row_mismatch,
    gl108_table_unreadable,
    gl109_required_statement,
)
from govlint.hookspecs import hookimpl
from govlint.model import Check


@hookimpl
def govlint_checks() -> list[Check]:
    return [
        gl100_no_report_text.CHECK,
        gl101_missing_section.CHECK,
        gl102_section_order.CHECK,
        gl103_heading_variant.CHECK,
        gl104_table_columns.CHECK,
        gl105_cell_value.CHECK,
        gl106_label_variant.CHECK,
        gl107_row_mismatch.CHECK,
        gl108_table_unreadable.CHECK,
        gl109_required_statement.CHECK,
    ]
