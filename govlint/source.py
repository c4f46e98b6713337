"""Bytes to text: every report becomes a Source with a line index.

UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised directly; anything else
goes to charset-normalizer (imported only then), which handles GBK/GB18030 and BOM-less
UTF-16. Line ends are normalised to ``\\n`` for reading, and the original style is kept
so ``--fix`` can write the file back the way it was.
"""

from __future__ import annotations

import codecs
import os
import stat

from govlint.model import Source

#: Control characters other than the whitespace ones (tab, line ends, form feed): text has few.
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(Exception):
    """A file that cannot be read as text; the message names the file."""


def _normalise_newlines(text: str) -> tuple[str, str]:
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    newline = max((lf, "\n"), (crlf, "\r\n"), (lone_cr, "\r"))[1] if (crlf or lone_cr) else "\n"
    if crlf or lone_cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, newline


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    head = text[:4096]
    # Counted in the head's UTF-8 bytes, where each control character is the byte of its own
    # code and no other character has such a byte: bytes.translate is a C loop far faster
    # than a pattern over characters.
    found = head.encode("utf-8", "surrogatepass")
    return len(found) - len(found.translate(None, CONTROL_BYTES)) > max(4, len(head) // 100)


def decode(data: bytes, path: str) -> Source:
    """Decode file contents; raises DecodeError for binary or undecodable data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{path}: 无法按 {encoding} 解码 / cannot decode as {encoding}: {exc.reason}"
                ) from None
            return _finish(path, text, encoding, bom=True)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data, path)
    if _looks_binary(text):
        raise DecodeError(f"{path}: 看起来是二进制文件 / looks like a binary file")
    return _finish(path, text, encoding, bom=False)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text shows NUL bytes mostly in one of the two byte positions (ASCII, digits,
    line ends); legacy CJK encodings never contain NUL, so this only claims clear UTF-16."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    # Characters such as 一 (U+4E00) put a NUL in the other position too, so compare.
    if odd > half // 10 and odd > 4 * even:
        return "utf-16-le"
    if even > half // 10 and even > 4 * odd:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes, path: str) -> tuple[str, str]:
    """Non-UTF-8 bytes: UTF-16 by its NUL pattern, else the best CJK legacy encoding."""
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    try:
        # Mainland reports are GBK/GB18030 (a superset of GBK); on short input the
        # detector cannot tell it from Big5, so a clean GB18030 decoding wins.
        if best is None or best.encoding != "big5" or len(data) < 64:
            return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    if best is None:
        raise DecodeError(f"{path}: 不是可识别的文本文件 / not a readable text file")
    return str(best), best.encoding


def _finish(path: str, text: str, encoding: str, bom: bool) -> Source:
    text, newline = _normalise_newlines(text)
    return Source.from_text(path, text, encoding, newline, bom)


def read_bytes(path: str) -> bytes:
    """A file's contents; every failure is a DecodeError with a clear message. Only regular
    files are opened: a FIFO or device found in a folder would block or never end."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise DecodeError(f"{path}: 是目录而不是文件 / is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise DecodeError(f"{path}: 不是普通文件 / not a regular file (FIFO, device or socket)")
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DecodeError(f"{path}: 无法读取 / cannot read: {exc.strerror or exc}") from None


def read_source(path: str) -> Source:
    """Read a file from disk; every failure is a DecodeError with a clear message."""
    return decode(read_bytes(path), path)


def source_from_text(path: str, text: str) -> Source:
    """A Source for text that is already decoded (editor buffer, standard input)."""
    return _finish(path, text, "utf-8", bom=False)


def encode(source: Source, text: str) -> bytes:
    """Encode normalised text back in the file's own encoding, BOM and line ends."""
    if source.newline != "\n":
        text = text.replace("\n", source.newline)
    data = text.encode(source.encoding)
    if source.bom:
        for bom, encoding in BOMS:
            if encoding == source.encoding:
                data = bom + data
    return data
