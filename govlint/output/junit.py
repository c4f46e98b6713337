"""``--format junit``: JUnit XML for CI test-report views (GitLab, Jenkins, Azure, …).

One testcase per file; each diagnostic at or above ``ctx.options.fail_level`` is a
``<failure>`` (so the report view fails exactly when the run does), the rest are listed in the
testcase's ``<system-out>``; a file that cannot be read is an ``<error>``. Characters XML 1.0
cannot carry (control characters from a broken report) are dropped rather than making the
whole file unparseable.
"""

from __future__ import annotations

from govlint._infra import regex
from govlint.model import SEVERITY_RANK, Context, Diagnostic, FileResult, Source

_NOT_XML = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def describe(path: str, source: Source, d: Diagnostic, lang: str) -> str:
    line, col = source.position(d.span.start)
    return clean(f"{path}:{line}:{col}: {d.code} {d.severity} {d.message.get(lang)}")


def render(results: list[FileResult], ctx: Context) -> str:
    import xml.etree.ElementTree as ET

    rank = SEVERITY_RANK[ctx.options.fail_level]
    suite = ET.Element("testsuite", name="govlint")
    failed = errored = 0
    for r in results:
        case = ET.SubElement(suite, "testcase", classname="govlint", name=clean(r.path), file=clean(r.path))
        if r.error:
            errored += 1
            ET.SubElement(case, "error", type="read-error", message=clean(r.error)).text = clean(r.error)
        if r.source is None:
            continue
        out = []
        failing = False
        for d in r.diagnostics:
            text = describe(r.path, r.source, d, ctx.lang)
            if SEVERITY_RANK[d.severity] >= rank:
                failing = True
                message = clean(f"{d.code} {d.message.get(ctx.lang)}")
                ET.SubElement(case, "failure", type=d.code, message=message).text = text
            else:
                out.append(text)
        failed += failing
        if out:
            ET.SubElement(case, "system-out").text = "\n".join(out)
    counts = {"tests": str(len(results)), "failures": str(failed), "errors": str(errored)}
    suite.attrib.update(counts, skipped="0")
    root = ET.Element("testsuites", {"name": "govlint", **counts})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
