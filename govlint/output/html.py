"""``--format html``: one self-contained review page for a province's reports.

A table of reports (organ, year, status, findings by severity and by family, the share copied
from last year's report) that sorts by a click on a column's header and filters by organ or
path and by status; a report's row opens onto its findings, each with its line and the
offending stretch marked, and onto the pair of years it belongs to. Styles and script are
inline and a Content-Security-Policy forbids anything else, so the page can be mailed, kept
with the reports and opened offline. The view (sort, filter, opened reports) is kept in the
URL fragment (``review.html#sort=-errors&q=县&status=errors``), so a link shows what its
sender saw.

It streams like the other formats: the head and the table's header, then one ``<tbody>`` per
report (rendered where the report was linted, next to its text), then the totals from the
tally and the script. Without the script every report stands open.
"""

from __future__ import annotations

import os
from html import escape

from govlint import __version__
from govlint.model import Context, Diagnostic, FileResult, Msg, Source, Stream, Tally
from govlint.output.places import where_text
from govlint.output.streaming import rendered, status_of
from govlint.output.text import MAX_EXCERPT, SEVERITY_ZH, STATUS_NAMES, printable

#: The families that get a column; other codes (GL0xx, GL9xx, a plugin's) are counted under "other".
FAMILIES = ("GL1xx", "GL2xx", "GL3xx", "GL4xx", "GL5xx", "GL6xx")
#: Statuses from worst to best: the status column sorts by this rank.
STATUS_ORDER = ("unreadable", "errors", "warnings", "notes", "clean")

#: The table's columns: sort key (a ``data-`` attribute of each report), kind ("text" sorts
#: ascending first, "num" descending first) and header.
COLUMNS = (
    ("organ", "text", Msg("机关", "Organ")),
    ("year", "num", Msg("年度", "Year")),
    ("status", "num", Msg("状态", "Status")),
    ("errors", "num", Msg("错误", "Errors")),
    ("warnings", "num", Msg("警告", "Warnings")),
    ("notes", "num", Msg("提示", "Notes")),
    *((family.lower(), "num", Msg(family, family)) for family in FAMILIES),
    ("other", "num", Msg("其他", "Other")),
    ("copied", "num", Msg("与上年雷同", "Copied")),
)

_TEXT = {
    "title": Msg("政府信息公开工作年度报告检查结果", "Review of government information-disclosure annual reports"),
    "filter": Msg("按机关或文件筛选", "Filter by organ or file"),
    "shown": Msg("显示 {shown} / {total} 份报告", "{shown} of {total} reports shown"),
    "none": Msg("没有符合条件的报告。", "No report matches."),
    "toggle": Msg("展开或收起发现的问题", "Show or hide the findings"),
    "unknown": Msg("未识别", "not found"),
    "previous": Msg("上年报告", "Last year's report"),
    "copied": Msg("内容与上年雷同 {share}", "{share} of its text copied from it"),
    "not_here": Msg("（不在本页）", " (not on this page)"),
    "clean": Msg("未发现问题。", "No findings."),
    "fix": Msg("修复", "fix"),
    "totals": Msg("汇总", "Totals"),
    "reports": Msg("共 {n} 份报告", "{n} reports"),
    "findings": Msg("发现的问题（按类别）", "Findings by family"),
    "skipped": Msg("另跳过 {n} 个不支持格式的文件", "Skipped {n} file(s) of a format govlint does not read"),
    "noscript": Msg("排序和筛选需要启用 JavaScript；下面列出全部报告。",
                    "Sorting and filtering need JavaScript; every report is listed below."),
}
#: Severities as they read in a report's findings (the text output's words).
_SEVERITY = {s: Msg(zh, s) for s, zh in SEVERITY_ZH.items()}

_STYLE = """
:root{--fg:#1f2328;--dim:#656d76;--line:#d0d7de;--bg:#f6f8fa;--err:#cf222e;--warn:#9a6700;--note:#0969da;--ok:#1a7f37}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--fg)}
main{display:flex;flex-direction:column;gap:12px;padding:16px 20px}
h1{order:-2;font-size:20px;margin:0}
h2{font-size:16px;margin:0 0 4px}
#totals{order:-1;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 12px}
#totals p{margin:2px 0}
#controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}
#q{font:inherit;padding:4px 8px;min-width:18em;border:1px solid var(--line);border-radius:6px}
#controls label{white-space:nowrap;cursor:pointer}
#shown{color:var(--dim)}
table{border-collapse:collapse;width:100%}
th,td{padding:4px 6px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top}
th{position:sticky;top:0;background:#fff;white-space:nowrap;user-select:none;border-bottom:2px solid var(--line)}
th[data-key]{cursor:pointer}
th[aria-sort=ascending]::after{content:" \\25B2"}
th[aria-sort=descending]::after{content:" \\25BC"}
th.c-organ,td.organ{text-align:left}
td.organ .path{display:block;color:var(--dim);font-size:12px;word-break:break-all}
td.zero{color:#afb8c1}
tr.head{cursor:pointer}
tr.head:hover{background:var(--bg)}
button.toggle{border:0;background:none;font:inherit;cursor:pointer;padding:0 4px;color:var(--dim)}
.js tr.detail{display:none}
.js tbody.open tr.detail{display:table-row}
.js tbody.open button.toggle{transform:rotate(90deg)}
tr.detail>td{text-align:left;background:#fbfcfd;padding:8px 12px 12px 32px}
.status{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;white-space:nowrap}
.s-unreadable{background:#57606a}.s-errors{background:var(--err)}.s-warnings{background:var(--warn)}
.s-notes{background:var(--note)}.s-clean{background:var(--ok)}
.pair{margin:0 0 8px}
.pair .absent{color:var(--dim);pointer-events:none;text-decoration:none}
.absent-note{display:none;color:var(--dim)}
a.absent+.absent-note{display:inline}
ol.findings{margin:0;padding-left:1.5em}
ol.findings li{margin:0 0 8px}
.code{font-weight:600}
.sev-error .sev,.sev-error .code{color:var(--err)}
.sev-warning .sev,.sev-warning .code{color:var(--warn)}
.sev-info .sev,.sev-info .code{color:var(--note)}
.pos{color:var(--dim);font-family:ui-monospace,monospace;font-size:12px}
pre.context{margin:4px 0 0;padding:4px 8px;background:var(--bg);border-radius:4px;white-space:pre-wrap;
  font:12px/1.6 ui-monospace,"Noto Sans Mono CJK SC",monospace}
pre.context .n{color:var(--dim);user-select:none}
pre.context .other{color:var(--dim)}
mark{background:#ffd8b5;border-bottom:2px solid var(--err);color:inherit}
.fix{color:var(--ok)}
.error{color:var(--err)}
footer{color:var(--dim);font-size:12px}
"""

_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("reports");
  var q = document.getElementById("q");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=status]"));
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");
  var sort = "";
  function reports() { return Array.prototype.slice.call(table.tBodies); }
  function key(body, name) { return body.getAttribute("data-" + name) || ""; }

  function compare(name, numeric, desc) {
    return function (a, b) {
      var x = key(a, name), y = key(b, name);
      if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }  /* unknown last */
      var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "zh-CN");
      if (c === 0) { c = key(a, "path").localeCompare(key(b, "path")); return c; }
      return desc ? -c : c;
    };
  }
  function sortBy(spec) {
    var desc = spec.charAt(0) === "-", name = desc ? spec.slice(1) : spec;
    var th = table.querySelector("th[data-key='" + name + "']");
    if (!th) { return; }
    sort = spec;
    reports().sort(compare(name, th.getAttribute("data-kind") === "num", desc))
      .forEach(function (body) { table.appendChild(body); });
    Array.prototype.forEach.call(table.querySelectorAll("th[data-key]"), function (h) {
      if (h === th) { h.setAttribute("aria-sort", desc ? "descending" : "ascending"); }
      else { h.removeAttribute("aria-sort"); }
    });
  }
  function filter() {
    var needle = q.value.trim().toLowerCase(), n = 0, all = reports();
    var wanted = {};
    boxes.forEach(function (b) { wanted[b.value] = b.checked; });
    all.forEach(function (body) {
      var hay = (key(body, "organ") + "\\n" + key(body, "path")).toLowerCase();
      var ok = wanted[key(body, "state")] && (!needle || hay.indexOf(needle) >= 0);
      body.hidden = !ok;
      n += ok ? 1 : 0;
    });
    shown.textContent = shown.getAttribute("data-template")
      .replace("{shown}", String(n)).replace("{total}", String(all.length));
    empty.hidden = n > 0;
  }
  function save() {
    var parts = [];
    if (sort) { parts.push("sort=" + encodeURIComponent(sort)); }
    if (q.value.trim()) { parts.push("q=" + encodeURIComponent(q.value.trim())); }
    var off = boxes.filter(function (b) { return !b.checked; });
    if (off.length) {
      parts.push("status=" + boxes.filter(function (b) { return b.checked; })
        .map(function (b) { return b.value; }).join(","));
    }
    var open = reports().filter(function (b) { return b.classList.contains("open"); })
      .map(function (b) { return b.id; });
    if (open.length) { parts.push("open=" + open.join(",")); }
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
  }
  function setOpen(body, open) {
    body.classList.toggle("open", open);
    body.querySelector("button.toggle").setAttribute("aria-expanded", open ? "true" : "false");
  }
  function jump(id) {
    var body = document.getElementById(id);
    if (!body) { return; }
    if (body.hidden) { q.value = ""; boxes.forEach(function (b) { b.checked = true; }); filter(); }
    setOpen(body, true);
    body.scrollIntoView({block: "start"});
  }
  function restore() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (/^r-[0-9a-f]+$/.test(hash)) { jump(hash); save(); return; }
    var state = {};
    location.hash.slice(1).split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i > 0) { state[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1).replace(/\\+/g, " ")); }
    });
    q.value = state.q || "";
    var statuses = state.status ? state.status.split(",") : null;
    boxes.forEach(function (b) { b.checked = !statuses || statuses.indexOf(b.value) >= 0; });
    var open = state.open ? state.open.split(",") : [];
    reports().forEach(function (b) { setOpen(b, open.indexOf(b.id) >= 0); });
    if (state.sort) { sortBy(state.sort); }
    filter();
  }

  var counts = {};
  reports().forEach(function (b) { counts[key(b, "state")] = (counts[key(b, "state")] || 0) + 1; });
  boxes.forEach(function (b) { b.nextElementSibling.textContent += " (" + (counts[b.value] || 0) + ")"; });
  Array.prototype.forEach.call(document.querySelectorAll("a.pair-link"), function (a) {
    if (!document.getElementById(a.getAttribute("href").slice(1))) { a.classList.add("absent"); }
  });
  table.tHead.addEventListener("click", function (e) {
    var th = e.target.closest("th[data-key]");
    if (!th) { return; }
    var name = th.getAttribute("data-key"), first = th.getAttribute("data-kind") === "num" ? "-" : "";
    var again = sort === first + name;
    sortBy(again ? (first ? name : "-" + name) : first + name);
    save();
  });
  table.addEventListener("click", function (e) {
    var link = e.target.closest("a.pair-link");
    if (link) { e.preventDefault(); jump(link.getAttribute("href").slice(1)); save(); return; }
    var head = e.target.closest("tr.head");
    if (head) { var body = head.parentNode; setOpen(body, !body.classList.contains("open")); save(); }
  });
  q.addEventListener("input", function () { filter(); save(); });
  boxes.forEach(function (b) { b.addEventListener("change", function () { filter(); save(); }); });
  window.addEventListener("hashchange", restore);
  restore();
}());
"""


def _e(text: str) -> str:
    """Text from a report or a message, safe in an element or a quoted attribute; control
    characters shown as ``\\xNN`` as in the text output."""
    return escape(printable(text), quote=True)


def report_id(path: str) -> str:
    """An element id for a report, the same from its own path and from the ``previous`` of
    next year's report (both normalised), so the pair can link to each other."""
    import hashlib  # not on every check's start-up: only a review page needs it

    return "r-" + hashlib.sha1(os.path.normpath(path).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def begin(ctx: Context) -> str:
    lang = ctx.lang
    boxes = "".join(
        f'<label><input type="checkbox" name="status" value="{s}" checked> '
        f'<span class="status s-{s}">{STATUS_NAMES[s].get(lang)}</span></label>'
        for s in STATUS_ORDER
    )
    heads = "".join(
        f'<th class="c-{key}" data-key="{key}" data-kind="{kind}" scope="col">{_e(label.get(lang))}</th>'
        for key, kind, label in COLUMNS
    )
    title = _e(_TEXT["title"].get(lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n"
        '<script>document.documentElement.className = "js";</script>\n</head>\n<body>\n<main>\n'
        f'<h1>{title}</h1>\n<noscript><p>{_e(_TEXT["noscript"].get(lang))}</p></noscript>\n'
        f'<div id="controls"><input id="q" type="search" placeholder="{_e(_TEXT["filter"].get(lang))}" '
        f'aria-label="{_e(_TEXT["filter"].get(lang))}">{boxes}'
        f'<span id="shown" data-template="{_e(_TEXT["shown"].get(lang))}"></span></div>\n'
        f'<table id="reports">\n<thead><tr><th class="toggle"></th>{heads}</tr></thead>'
    )


def _family(code: str) -> str:
    family = code[:3] + "xx"
    return family.lower() if family in FAMILIES else "other"


def _count_cell(n: int) -> str:
    return f'<td class="zero">{n}</td>' if n == 0 else f"<td>{n}</td>"


def _context_line(source: Source, line: int) -> str:
    """A line next to a finding's, dimmed; nothing for a blank one."""
    text = source.line_text(line)[:MAX_EXCERPT]
    return f'<span class="n">{line:>5} </span><span class="other">{_e(text)}</span>\n' if text.strip() else ""


def _marked_line(source: Source, d: Diagnostic) -> str:
    """The finding's line with its span marked (to the line's end when the span goes on),
    cut around the span when long, as the text output cuts it."""
    line, col = source.position(d.span.start)
    end_line, end_col = source.position(d.span.end)
    text = source.line_text(line)
    start = min(col - 1, len(text))
    end = max(start, min(end_col - 1 if end_line == line else len(text), len(text)))
    if len(text) > MAX_EXCERPT:
        lo = max(0, min(start - 40, len(text) - MAX_EXCERPT))
        text, start, end = text[lo : lo + MAX_EXCERPT], start - lo, min(end - lo, MAX_EXCERPT)
    return f'<span class="n">{line:>5} </span>{_e(text[:start])}<mark>{_e(text[start:end])}</mark>{_e(text[end:])}\n'


def finding(source: Source, d: Diagnostic, lang: str) -> str:
    """One finding: place, code, severity, message, its line between its neighbours, the fix."""
    line, col = source.position(d.span.start)
    head = (
        f'<span class="pos">{line}:{col}{_e(where_text(source, d.span.start, lang))}</span> '
        f'<span class="code" title="{_e(d.rule)}">{_e(d.code)}</span> '
        f'<span class="sev">{_e(_SEVERITY[d.severity].get(lang))}</span> {_e(d.message.get(lang))}'
    )
    context = _context_line(source, line - 1) if line > 1 else ""
    context += _marked_line(source, d)
    if line < len(source.line_starts):
        context += _context_line(source, line + 1)
    fix = f'<div class="fix">{_e(_TEXT["fix"].get(lang))}: {_e(d.fix.title.get(lang))}</div>' if d.fix else ""
    return f'<li class="sev-{d.severity}">{head}<pre class="context">{context}</pre>{fix}</li>'


def _share(copied: float) -> str:
    """A share copied as a reviewer reads it: a whole percent."""
    return f"{round(copied * 100)}%"


def _pair(r: FileResult, lang: str) -> str:
    """This year's report and last year's, with the share copied, where the facts know them
    (``previous`` None may mean not found or not looked for: nothing is said)."""
    if r.facts is None or r.facts.previous is None:
        return ""
    link = (f'<a class="pair-link" href="#{report_id(r.facts.previous)}">{_e(r.facts.previous)}</a>'
            f'<span class="absent-note">{_e(_TEXT["not_here"].get(lang))}</span>')
    copied = ""
    if r.facts.copied is not None:
        copied = ("; " if lang == "en" else "；") + _e(_TEXT["copied"].get(lang).format(share=_share(r.facts.copied)))
    return (f'<p class="pair"><code>{_e(r.path)}</code> ↔ {_e(_TEXT["previous"].get(lang))} '
            f"<code>{link}</code>{copied}</p>")


def file_piece(r: FileResult, ctx: Context) -> str:
    """One report: its row in the table and, below it, its findings."""
    lang = ctx.lang
    status = status_of(r)
    severities = {"error": 0, "warning": 0, "info": 0}
    families = dict.fromkeys([f.lower() for f in FAMILIES] + ["other"], 0)
    for d in r.diagnostics:
        severities[d.severity] += 1
        families[_family(d.code)] += 1
    facts = r.facts
    organ = facts.organ if facts and facts.organ else ""
    year = str(facts.year) if facts and facts.year is not None else ""
    copied = f"{facts.copied:.4f}" if facts and facts.copied is not None else ""
    data = {
        "organ": organ, "year": year, "path": r.path, "state": status, "status": str(STATUS_ORDER[::-1].index(status)),
        "errors": str(severities["error"]), "warnings": str(severities["warning"]), "notes": str(severities["info"]),
        **{k: str(v) for k, v in families.items()}, "copied": copied,
    }
    attrs = "".join(f' data-{k}="{_e(v)}"' for k, v in data.items())
    unknown = '<span class="unknown">—</span>'
    share = _share(facts.copied) if facts and facts.copied is not None else "—"
    cells = (
        f'<td class="organ">{_e(organ) or unknown}<span class="path">{_e(r.path)}</span></td>'
        f"<td>{_e(year) or unknown}</td>"
        f'<td><span class="status s-{status}">{STATUS_NAMES[status].get(lang)}</span></td>'
        + "".join(_count_cell(severities[s]) for s in ("error", "warning", "info"))
        + "".join(_count_cell(n) for n in families.values())
        + f"<td>{share}</td>"
    )
    if r.source is None:
        body = f'<p class="error">{_e(r.error or "")}</p>'
    elif r.diagnostics:
        body = '<ol class="findings">' + "".join(finding(r.source, d, lang) for d in r.diagnostics) + "</ol>"
    else:
        body = f'<p>{_e(_TEXT["clean"].get(lang))}</p>'
    rid = report_id(r.path)
    return (
        f'\n<tbody id="{rid}"{attrs}>'
        f'<tr class="head"><td><button class="toggle" type="button" aria-expanded="false" '
        f'aria-controls="d-{rid}" title="{_e(_TEXT["toggle"].get(lang))}">▸</button></td>{cells}</tr>'
        f'<tr class="detail" id="d-{rid}"><td colspan="{len(COLUMNS) + 1}">{_pair(r, lang)}{body}</td></tr></tbody>'
    )


def end(tally: Tally, ctx: Context) -> str:
    """The totals (shown above the table) and the script."""
    lang = ctx.lang
    statuses = dict(tally.statuses)
    sep, colon = (", ", ": ") if lang == "en" else ("，", "：")
    counts = sep.join(
        f'<span class="status s-{s}">{STATUS_NAMES[s].get(lang)}</span> {statuses.get(s, 0)}' for s in STATUS_ORDER
    )
    families: dict[str, int] = {}
    for c in tally.counts:
        families[c.code[:3] + "xx"] = families.get(c.code[:3] + "xx", 0) + c.total
    by_family = " · ".join(f"{_e(f)} {n}" for f, n in sorted(families.items())) or "—"
    skipped = ""
    if ctx.options.skipped:
        names = "".join(f"<li><code>{_e(p)}</code></li>" for p in ctx.options.skipped)
        label = _e(_TEXT["skipped"].get(lang).format(n=len(ctx.options.skipped)))
        skipped = f"<details><summary>{label}</summary><ul>{names}</ul></details>"
    return (
        f'\n</table>\n<p id="empty" hidden>{_e(_TEXT["none"].get(lang))}</p>\n'
        f'<section id="totals"><h2>{_e(_TEXT["totals"].get(lang))}</h2>'
        f'<p>{_e(_TEXT["reports"].get(lang).format(n=tally.files))}{colon}{counts}</p>'
        f'<p>{_e(_TEXT["findings"].get(lang))}{colon}{by_family}</p>{skipped}</section>\n'
        f"<footer>govlint {_e(__version__)}</footer>\n</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


STREAM = Stream(begin, file_piece, end)


def render(results: list[FileResult], ctx: Context) -> str:
    return rendered(STREAM, results, ctx)
