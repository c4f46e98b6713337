"""Word reports (.docx): the document body rendered as text, tables as grids.

Read with the standard library: ``zipfile`` for the package and ``xml.etree`` (expat) for
``word/document.xml``, walked by hand; no dependency added. Measured on a 12-page report made
with python-docx (tables 二/三/四 with merged label cells, 114 KB of document.xml, the
python-docx template's 341 KB styles.xml; ``benchmarks/read_docx.py``), CPU time a read:
this reader 9.5 ms (8.5–10 ms wall on a quiet machine), python-docx 70–110 ms, docx2python
170–230 ms. Both libraries also lose what the grid needs: python-docx's ``row.cells`` repeats
a merged cell in every position it covers, so where a merge starts is lost, and docx2python
repeats merged text the same way. Styles are looked up only for the styles the body uses,
each parsed from its own ``w:style`` element: parsing that whole styles.xml cost 10–11 ms.

What is report text: the body's paragraphs in order, with the numbers Word draws for
numbered paragraphs (``w:numPr``: “一、” of an auto-numbered heading is in numbering.xml, not
in the paragraph), tracked insertions kept and deletions left out, hidden text left out.
Page headers and footers, comments, footnotes, field codes, a table of contents and text
boxes (floating, with no place in the reading order, and written twice by Word for older
readers) are not read. A heading's level is the one its numeral gives (一、 2, （一） 3),
else its style's (Title 1, Heading/标题 N or an outline level N); other paragraphs are
judged as plain text is. A one-cell table is a frame around text, read as body; a table
nested in a table's cell is flattened into that cell's text (a report's tables are never
nested; the outer grid stays right).

Hostile files cost bounded time and memory: parts are refused by their declared size and
compression ratio before they are inflated (a zip bomb), a DOCTYPE is refused before
parsing (no entity can be declared, so none expands), and elements and nesting are capped.

Why one module of ~700 lines: the package's guards, the styles and numbering parts and the
body walk all read one WordprocessingML namespace through the same :class:`Tags` and limits;
split, each part would import the others' internals. Word's counters are drawn by the shared
:mod:`govlint.readers.numbering`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from functools import lru_cache
from io import BytesIO
from posixpath import dirname, join, normpath
from xml.parsers import expat

from govlint._infra.records import NamedTuple
from govlint.model import Document, Msg
from govlint.readers import numbering
from govlint.readers.rendered import RenderedCell, Renderer
from govlint.readers.text import heading_level
from govlint.source import DecodeError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A part larger than this when inflated is no report (a 30-page report's body is about 1 MB).
MAX_PART = 32 << 20
#: Inflated size over stored size above which a part of more than MAX_SMALL is a zip bomb
#: (Word's XML deflates 5–30 times).
MAX_RATIO = 200
MAX_SMALL = 1 << 20
#: "<" in a part: a 30-page report has about 100,000; a million elements parse in about a second.
MAX_ELEMENTS = 1_000_000
#: Frames, tables in cells, content controls and revisions inside each other: Word nests a few.
MAX_DEPTH = 64

TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                   "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")


class Tags:
    """The WordprocessingML names read, in one namespace (transitional or strict)."""

    def __init__(self, ns: str) -> None:
        def w(name: str) -> str:
            return f"{{{ns}}}{name}"

        self.body, self.p, self.r, self.t = map(w, ("body", "p", "r", "t"))
        self.tbl, self.tr, self.tc = map(w, ("tbl", "tr", "tc"))
        self.ppr, self.rpr, self.tcpr, self.trpr = map(w, ("pPr", "rPr", "tcPr", "trPr"))
        self.pstyle, self.numpr, self.ilvl, self.numid, self.outline = map(
            w, ("pStyle", "numPr", "ilvl", "numId", "outlineLvl"))
        self.gridspan, self.vmerge, self.hmerge, self.gridbefore = map(
            w, ("gridSpan", "vMerge", "hMerge", "gridBefore"))
        self.sdt, self.sdtpr, self.sdtcontent, self.gallery = map(
            w, ("sdt", "sdtPr", "sdtContent", "docPartGallery"))
        self.tab, self.ptab, self.br, self.cr, self.hyphen = map(w, ("tab", "ptab", "br", "cr", "noBreakHyphen"))
        self.vanish, self.deleted = w("vanish"), w("del")
        self.val, self.type, self.style_id = w("val"), w("type"), w("styleId")
        self.style, self.name, self.based_on, self.suff = map(w, ("style", "name", "basedOn", "suff"))
        self.abstract, self.abstract_id, self.num, self.lvl = map(
            w, ("abstractNum", "abstractNumId", "num", "lvl"))
        self.start, self.fmt, self.lvl_text, self.legal, self.override, self.start_override = map(
            w, ("start", "numFmt", "lvlText", "isLgl", "lvlOverride", "startOverride"))
        #: Paragraph content that holds runs: read through. Anything else (deletions, drawings,
        #: text boxes, fields' codes, math) is not read.
        self.inline = frozenset(map(w, ("ins", "hyperlink", "smartTag", "fldSimple", "customXml", "moveTo",
                                        "dir", "bdo", "sdtContent")))
        #: Wrappers of blocks, rows or cells: read through.
        self.wrappers = frozenset(map(w, ("customXml", "sdtContent", "ins", "moveTo")))


@lru_cache(maxsize=2)
def tags(ns: str) -> Tags:
    return Tags(ns)


# --------------------------------------------------------------------------- the package


def read_bytes(data: bytes, path: str) -> Document:
    """A .docx file read into the Document of its rendered text."""
    parts = _package(data, path)
    return _Body(parts, path).read()


def read_legacy(data: bytes, path: str) -> Document:
    """A .doc or .wps file: read when it is a .docx renamed, else refused with what to do."""
    if data.startswith(b"PK"):
        return read_bytes(data, path)
    if data.startswith(OLE2):
        raise DecodeError(_ole2_message(data, path))
    raise DecodeError(f"{path}: 不是可读取的 Word 文件，请另存为 .docx / not a Word file govlint can read: "
                      "save it as .docx")


def _ole2_message(data: bytes, path: str) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return (f"{path}: 文件设有密码（已加密），请去除密码后另存为 .docx / "
                "is protected by a password (encrypted): remove the password and save it as .docx")
    return f"{path}: 是旧版 Word/WPS 文件，请另存为 .docx / is an old Word/WPS file: save it as .docx"


class Parts(NamedTuple):
    """The XML parts read: the main document, and its styles and numbering where present."""

    document: bytes
    styles: bytes | None
    numbering: bytes | None


def _package(data: bytes, path: str) -> Parts:
    if data.startswith(OLE2):
        raise DecodeError(_ole2_message(data, path))
    if not data.startswith(b"PK"):
        raise DecodeError(f"{path}: 不是 Word 文档（.docx 应是 zip 包）/ "
                          "not a Word document (a .docx is a zip package)")
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            main = _main_part(package, path)
            folder = dirname(main)
            return Parts(_part(package, main, path), _optional(package, join(folder, "styles.xml"), path),
                         _optional(package, join(folder, "numbering.xml"), path))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise DecodeError(f"{path}: 文件不完整或已损坏 / the file is truncated or damaged ({exc})") from None
    except NotImplementedError as exc:  # a compression method zipfile does not have
        raise DecodeError(f"{path}: 无法解压（{exc}）/ cannot unpack: {exc}") from None
    except RuntimeError:  # zipfile's "password required" (NotImplementedError is one too: caught first)
        raise DecodeError(f"{path}: 文件设有密码（已加密），请去除密码后另存为 .docx / "
                          "is protected by a password (encrypted): remove the password and save it as .docx") from None


def _main_part(package: zipfile.ZipFile, path: str) -> str:
    """The main document's name, as the package's relationships give it (word/document.xml)."""
    names = set(package.namelist())
    if "_rels/.rels" in names:
        rels = _safe_parse(_part(package, "_rels/.rels", path), path, "_rels/.rels")
        for rel in rels.iter(f"{{{RELS}}}Relationship"):
            target = rel.get("Target", "")
            if rel.get("Type") in OFFICE_DOCUMENT and normpath(target.lstrip("/")) in names:
                return normpath(target.lstrip("/"))
    if "word/document.xml" in names:
        return "word/document.xml"
    raise DecodeError(f"{path}: 缺少 word/document.xml，不是 Word 文档 / not a Word document (no word/document.xml)")


def _optional(package: zipfile.ZipFile, name: str, path: str) -> bytes | None:
    try:
        package.getinfo(name)
    except KeyError:
        return None
    return _part(package, name, path)


def _part(package: zipfile.ZipFile, name: str, path: str) -> bytes:
    """A part's bytes, refused before inflating when it would be too large (a zip bomb)."""
    info = package.getinfo(name)
    size, ratio = info.file_size, info.file_size // max(1, info.compress_size)
    if size > MAX_PART or (size > MAX_SMALL and ratio > MAX_RATIO):
        raise DecodeError(f"{path}: {name} 解压后过大（{size} 字节，压缩比 {ratio}），疑为压缩炸弹 / "
                          f"{name} would inflate to {size} bytes (ratio {ratio}): refused as a zip bomb")
    with package.open(info) as part:
        return part.read(MAX_PART + 1)  # at most file_size: zipfile stops there and checks the CRC


# --------------------------------------------------------------------------- XML


class _Root(Exception):
    """The prolog was read up to the root element: no DOCTYPE."""


def _no_doctype(data: bytes, path: str, name: str) -> None:
    """Refuse a DOCTYPE: Word never writes one, and only one can declare entities (a
    billion-laughs bomb, external entities). Only the prolog is parsed."""
    def doctype(*_: object) -> None:
        raise DecodeError(f"{path}: {name} 含有 DOCTYPE 声明，已拒绝 / {name} has a DOCTYPE declaration: refused")

    def root(*_: object) -> None:
        raise _Root

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        parser.Parse(data, True)
    except _Root:
        return
    except expat.ExpatError as exc:
        raise _xml_error(path, name, exc) from None


def _xml_error(path: str, name: str, exc: Exception) -> DecodeError:
    return DecodeError(f"{path}: {name} 不是有效的 XML / {name} is not well-formed XML ({exc})")


def _safe_parse(data: bytes, path: str, name: str) -> ET.Element:
    _no_doctype(data, path, name)
    if data.count(b"<") > MAX_ELEMENTS:
        raise DecodeError(f"{path}: {name} 元素过多 / {name} has too many elements (over {MAX_ELEMENTS})")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise _xml_error(path, name, exc) from None


def _namespace(tag: str) -> str:
    return tag[1 : tag.index("}")] if tag.startswith("{") else ""


def _int(text: str | None, default: int = 0) -> int:
    return int(text) if text and text.isascii() and text.isdigit() and len(text) < 6 else default


# --------------------------------------------------------------------------- styles


class Style(NamedTuple):
    """What a paragraph style says about a paragraph: its heading level, its numbering."""

    level: int | None
    numbering: tuple[str | None, int | None] | None  # (numId, ilvl)
    toc: bool


HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$")
NO_STYLE = Style(None, None, False)


class Styles:
    """Paragraph styles by id, each parsed (with the styles it is based on) when first asked:
    only the few a body uses, not the whole of styles.xml."""

    def __init__(self, data: bytes | None, t: Tags, path: str) -> None:
        self.t = t
        self.path = path
        self.data = data or b""
        self.found: dict[str, Style] = {}
        self._blocks: dict[str, bytes] | None = None
        self._parsed: dict[str, ET.Element] | None = None  # when the part is not written with ``w:``
        self._head = b""

    def get(self, style_id: str) -> Style:
        if style_id not in self.found:
            self.found[style_id] = NO_STYLE  # a style based on itself ends here
            self.found[style_id] = self._resolve(style_id)
        return self.found[style_id]

    def _resolve(self, style_id: str) -> Style:
        element = self._element(style_id)
        if element is None:
            return NO_STYLE
        t = self.t
        base_id = _val(element.find(t.based_on), t)
        base = self.get(base_id) if base_id else NO_STYLE
        name = (_val(element.find(t.name), t) or "").strip().lower()
        level: int | None = None
        if name in ("title", "标题"):
            level = 1
        elif m := HEADING_NAME.match(name):
            level = int(m.group(1))
        ppr = element.find(t.ppr)
        outline = _val(ppr.find(t.outline), t) if ppr is not None else None
        if level is None and outline is not None:
            level = _outline_level(outline)
        numbering = _numbering(ppr, t) if ppr is not None else None
        return Style(level if level is not None else base.level,
                     numbering if numbering is not None else base.numbering,
                     name.startswith(("toc ", "目录")) or base.toc)

    def _element(self, style_id: str) -> ET.Element | None:
        if self._blocks is None:
            self._index()
        if self._parsed is not None:
            return self._parsed.get(style_id)
        block = self._blocks.get(style_id) if self._blocks else None
        if block is None:
            return None
        try:
            return ET.fromstring(self._head + block + b"</w:styles>")[0]
        except (ET.ParseError, IndexError):
            return None  # a broken style is no style

    def _index(self) -> None:
        """Where each paragraph style stands in the part, its element to be parsed alone
        (inside the root's start tag, for its namespaces); the whole part parsed when it is
        not written with the usual ``w:`` prefix."""
        data = self.data
        self._blocks = {}
        if not data:
            return
        _no_doctype(data, self.path, "styles.xml")
        opening = data.find(b"<w:styles")
        head_end = data.find(b">", opening) + 1 if opening >= 0 else 0
        if not head_end or b"<w:style " not in data:
            root = _safe_parse(data, self.path, "styles.xml")
            self._parsed = {s.get(self.t.style_id, ""): s for s in root.iter(self.t.style)}
            return
        self._head = data[:head_end]
        for tag, block in _style_blocks(data, head_end):
            if b"paragraph" in tag and (m := STYLE_ID.search(tag)):
                self._blocks[m.group(1).decode("utf-8", "replace")] = block


STYLE_ID = re.compile(rb"""w:styleId=["']([^"']*)["']""")


def _style_blocks(data: bytes, at: int) -> Iterator[tuple[bytes, bytes]]:
    """Each ``w:style`` element's start tag and whole text, found without parsing."""
    while (start := data.find(b"<w:style ", at)) >= 0:
        close = data.find(b">", start)
        end = data.find(b"</w:style>", close)
        if close < 0 or end < 0:
            return
        if data[close - 1 : close] == b"/":
            at = close + 1
            continue
        at = end + len(b"</w:style>")
        yield data[start:close], data[start:at]


def _val(element: ET.Element | None, t: Tags) -> str | None:
    return None if element is None else element.get(t.val)


def _outline_level(value: str) -> int | None:
    level = _int(value, 9) + 1
    return level if level <= 9 else None  # outline level 9 is body text


def _numbering(ppr: ET.Element, t: Tags) -> tuple[str | None, int | None] | None:
    """A paragraph's (or style's) list and level, either of which may be left to its style."""
    numpr = ppr.find(t.numpr)
    if numpr is None:
        return None
    ilvl = _val(numpr.find(t.ilvl), t)
    return _val(numpr.find(t.numid), t), _int(ilvl) if ilvl is not None else None


# --------------------------------------------------------------------------- numbering

#: Word's number formats for list labels; anything else is drawn as decimal.
class Level(NamedTuple):
    start: int
    fmt: str
    text: str
    legal: bool
    suffix: str  # what stands between the label and the text: "tab", "space" or "nothing"


class Numbering:
    """The labels Word draws before numbered paragraphs, counted as Word counts them: one
    count per list (paragraphs of lists with the same definition continue it, unless a list
    restarts its start values), a level starting again after a higher level."""

    def __init__(self, data: bytes | None, t: Tags, path: str) -> None:
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId: (abstractNumId, start overrides)
        self.levels: dict[str, dict[int, Level]] = {}  # abstractNumId: levels
        self.counts: dict[str, list[int | None]] = {}
        if data:
            self._read(_safe_parse(data, path, "numbering.xml"), t)

    def _read(self, root: ET.Element, t: Tags) -> None:
        for abstract in root.iter(t.abstract):
            levels = self.levels.setdefault(abstract.get(t.abstract_id, ""), {})
            for lvl in abstract.iter(t.lvl):
                suffix = _val(lvl.find(t.suff), t) or "tab"
                legal = lvl.find(t.legal)
                levels[_int(lvl.get(t.ilvl))] = Level(
                    _int(_val(lvl.find(t.start), t), 1), _val(lvl.find(t.fmt), t) or "decimal",
                    _val(lvl.find(t.lvl_text), t) or "", legal is not None and _val(legal, t) not in ("0", "false"),
                    suffix)
        for num in root.iter(t.num):
            overrides = {_int(o.get(t.ilvl)): _int(_val(o.find(t.start_override), t), 1)
                         for o in num.iter(t.override) if o.find(t.start_override) is not None}
            self.lists[num.get(t.numid, "")] = (_val(num.find(t.abstract_id), t) or "", overrides)

    def label(self, num_id: str, ilvl: int | None) -> tuple[str, str]:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl``, and what
        separates it from the text; ("", "") for a bullet or no list."""
        found = self.lists.get(num_id)
        if found is None:
            return "", ""
        abstract, overrides = found
        levels = self.levels.get(abstract, {})
        ilvl = max(0, min(ilvl or 0, 8))
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet":
            return "", ""
        counts = self.counts.setdefault(num_id if overrides else abstract, [None] * 9)

        def start(i: int) -> int:
            return overrides.get(i, levels[i].start if i in levels else 1)

        now = counts[ilvl]
        counts[ilvl] = start(ilvl) if now is None else now + 1
        counts[ilvl + 1 :] = [None] * (8 - ilvl)

        def number(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            shown = levels.get(i, level)
            n = counts[i] if counts[i] is not None else start(i)
            return numbering.word_number(n or 0, "decimal" if level.legal else shown.fmt)

        return re.sub(r"%([1-9])", number, level.text), level.suffix


# --------------------------------------------------------------------------- the body


def _cjk(ch: str) -> bool:
    """Chinese (and other East Asian) characters and punctuation: joined without a space."""
    return ch >= "\u2e80" or ch in "“”‘’…—·"


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph or cell as one: no space between Chinese characters, else one."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and not (_cjk(out[-1]) or _cjk(line[0])):
            out += " "
        out += line
    return out


class _Cell:
    """A cell as the row lists it: where it starts in the grid, how far it spans, its text."""

    def __init__(self, row: int, column: int, colspan: int, lines: list[str]) -> None:
        self.row = row  # 1-based, as a person counts
        self.column = column  # 0-based grid column
        self.colspan = colspan
        self.rowspan = 1
        self.lines = lines


class _Body:
    """Walks the body once, rendering paragraphs and tables in reading order."""

    def __init__(self, parts: Parts, path: str) -> None:
        self.path = path
        self.root = _safe_parse(parts.document, path, "document.xml")
        self.t = t = tags(_namespace(self.root.tag) if _namespace(self.root.tag) in (TRANSITIONAL, STRICT)
                          else TRANSITIONAL)
        self.styles = Styles(parts.styles, t, path)
        self._numbering_data = parts.numbering
        self._numbering: Numbering | None = None
        self.renderer = Renderer(path, "docx")
        self.paragraphs = 0
        self.tables = 0

    def read(self) -> Document:
        body = self.root.find(self.t.body)
        if body is not None:
            self._blocks(body, 0)
        return self.renderer.document()

    def _deeper(self, depth: int) -> int:
        if depth >= MAX_DEPTH:
            raise DecodeError(f"{self.path}: document.xml 嵌套过深 / document.xml is nested too deeply "
                              f"(over {MAX_DEPTH} levels)")
        return depth + 1

    @property
    def numbering(self) -> Numbering:
        if self._numbering is None:
            self._numbering = Numbering(self._numbering_data, self.t, self.path)
        return self._numbering

    # ------------------------------------------------------------------ blocks
    def _blocks(self, container: ET.Element, depth: int) -> None:
        t = self.t
        depth = self._deeper(depth)
        for element in container:
            tag = element.tag
            if tag == t.p:
                self._paragraph(element)
            elif tag == t.tbl:
                self._table(element, depth)
            elif tag == t.sdt:
                if not self._is_toc(element):
                    content = element.find(t.sdtcontent)
                    if content is not None:
                        self._blocks(content, depth)
            elif tag in t.wrappers:
                self._blocks(element, depth)

    def _is_toc(self, sdt: ET.Element) -> bool:
        props = sdt.find(self.t.sdtpr)
        if props is None:
            return False
        return any((g.get(self.t.val) or "").startswith("Table of Contents") for g in props.iter(self.t.gallery))

    def _paragraph(self, p: ET.Element) -> None:
        text, style_level = self._paragraph_text(p)
        if text is None or not text.strip():
            return
        self.paragraphs += 1
        level = None if style_level is None else heading_level(" ".join(text.split())) or style_level
        where = Msg(f"第 {self.paragraphs} 段", f"paragraph {self.paragraphs}")
        self.renderer.paragraph(text, where, level=level)

    def _paragraph_text(self, p: ET.Element) -> tuple[str | None, int | None]:
        """A paragraph's text with its list label (None for a table of contents' line), and
        the heading level its style or outline level gives."""
        t = self.t
        ppr = p.find(t.ppr)
        style = NO_STYLE
        numbering = outline = None
        if ppr is not None:
            style_id = _val(ppr.find(t.pstyle), t)
            if style_id:
                style = self.styles.get(style_id)
            numbering = _numbering(ppr, t)
            outline = _val(ppr.find(t.outline), t)
        if style.toc:
            return None, None
        lines: list[str] = [""]
        self._inline(p, lines, 0)
        text = join_lines(lines)
        num_id, ilvl = numbering or (None, None)
        if style.numbering is not None:
            num_id = num_id if num_id is not None else style.numbering[0]
            ilvl = ilvl if ilvl is not None else style.numbering[1]
        if text and num_id and num_id != "0":  # numId 0: numbering taken off
            label, suffix = self.numbering.label(num_id, ilvl)
            if label:
                text = label + ("" if suffix == "nothing" or _cjk(label[-1]) else " ") + text
        level = _outline_level(outline) if outline is not None else style.level
        return text, level

    def _inline(self, container: ET.Element, lines: list[str], depth: int) -> None:
        """The text of runs in ``container`` into ``lines`` (a line break starts a new line)."""
        t = self.t
        depth = self._deeper(depth)
        for element in container:
            tag = element.tag
            if tag == t.r:
                self._run(element, lines)
            elif tag in t.inline:
                self._inline(element, lines, depth)
            elif tag == t.sdt:
                content = element.find(t.sdtcontent)
                if content is not None:
                    self._inline(content, lines, depth)

    def _run(self, run: ET.Element, lines: list[str]) -> None:
        t = self.t
        for element in run:
            tag = element.tag
            if tag == t.t:
                lines[-1] += element.text or ""
            elif tag in (t.tab, t.ptab):
                lines[-1] += " "
            elif tag == t.br or tag == t.cr:
                if element.get(t.type) not in ("page", "column"):
                    lines.append("")
            elif tag == t.hyphen:
                lines[-1] += "-"
            elif tag == t.rpr:
                vanish = element.find(t.vanish)
                if vanish is not None and vanish.get(t.val) not in ("0", "false", "off"):
                    return  # hidden text

    # ------------------------------------------------------------------ tables
    def _table(self, table: ET.Element, depth: int) -> None:
        t = self.t
        self.tables += 1
        number = self.tables
        rows = list(self._children(table, t.tr, depth))
        if len(rows) == 1:
            cells = list(self._children(rows[0], t.tc, depth))
            if len(cells) == 1:  # a frame around text: read as body
                self._blocks(cells[0], depth)
                return
        rendered = [
            [RenderedCell(join_lines(cell.lines),
                          Msg(f"表格 {number} 第 {cell.row} 行第 {cell.column + 1} 列",
                              f"table {number}, row {cell.row}, column {cell.column + 1}"),
                          cell.rowspan, cell.colspan) for cell in row]
            for row in self._grid(rows, depth)
        ]
        self.renderer.table(rendered)

    def _children(self, parent: ET.Element, tag: str, depth: int) -> Iterator[ET.Element]:
        """``parent``'s children named ``tag``, also inside content controls and revisions."""
        t = self.t
        depth = self._deeper(depth)
        for element in parent:
            if element.tag == tag:
                yield element
            elif element.tag == t.sdt:
                content = element.find(t.sdtcontent)
                if content is not None:
                    yield from self._children(content, tag, depth)
            elif element.tag in t.wrappers:
                yield from self._children(element, tag, depth)

    def _grid(self, rows: list[ET.Element], depth: int) -> list[list[_Cell]]:
        """Each row's cells, once where they start, placed in the grid: ``gridBefore`` skips
        columns, ``gridSpan`` (or the old ``hMerge``) spans them; a ``vMerge`` that
        continues the cell above adds to its rowspan and its text instead of standing in the
        row. Rows deleted in tracked changes are left out."""
        t = self.t
        out: list[list[_Cell]] = []
        above: dict[int, _Cell] = {}  # grid column: the cell a vMerge below it continues
        for tr in rows:
            props = tr.find(t.trpr)
            if props is not None and props.find(t.deleted) is not None:
                continue
            number = len(out) + 1
            column = _int(_val(props.find(t.gridbefore), t)) if props is not None else 0
            row = [_Cell(number, 0, min(column, 64), [])] if column else []
            merged: dict[int, _Cell] = {}
            for tc in self._children(tr, t.tc, depth):
                props = tc.find(t.tcpr)
                span = max(1, min(_int(_val(props.find(t.gridspan), t), 1), 64)) if props is not None else 1
                vmerge = props.find(t.vmerge) if props is not None else None
                hmerge = props.find(t.hmerge) if props is not None else None
                lines: list[str] = []
                self._cell_content(tc, lines, depth)
                start = above.get(column)
                continues = vmerge is not None and vmerge.get(t.val) != "restart"
                if continues and start is not None and start.colspan == span:
                    start.rowspan += 1
                    start.lines += lines
                    merged[column] = start
                elif hmerge is not None and hmerge.get(t.val) != "restart" and row:
                    row[-1].colspan += span
                    row[-1].lines += lines
                else:
                    cell = _Cell(number, column, span, lines)
                    row.append(cell)
                    if vmerge is not None:
                        merged[column] = cell
                column += span
            above = merged
            out.append(row)
        return out

    def _cell_content(self, container: ET.Element, lines: list[str], depth: int) -> None:
        """A cell's paragraphs as lines; a nested table's rows, a line each."""
        t = self.t
        depth = self._deeper(depth)
        for element in container:
            tag = element.tag
            if tag == t.p:
                text, _ = self._paragraph_text(element)
                if text:
                    lines.append(text)
            elif tag == t.tbl:
                for row in self._grid(list(self._children(element, t.tr, depth)), depth):
                    lines.append(" ".join(filter(None, (join_lines(cell.lines) for cell in row))))
            elif tag == t.sdt:
                content = element.find(t.sdtcontent)
                if content is not None:
                    self._cell_content(content, lines, depth)
            elif tag in t.wrappers:
                self._cell_content(element, lines, depth)
