"""What a server's certificate says about itself, read from its DER bytes.

``probe`` names what a refused certificate does carry (the names it is for, its issuer,
its dates). Python's ``ssl`` decodes a certificate only after it verified it, so a
refused one is available only as DER (``getpeercert(binary_form=True)``); reading those
few fields needs no library: a certificate is nested DER TLVs (RFC 5280 section 4.1),
and this walks only the ones it needs. Anything unexpected gives None, never an
exception: the probe then reports the failure without the names.
"""

from __future__ import annotations

import ipaddress
from typing import Iterator, NamedTuple

_SEQUENCE = 0x30
_SET = 0x31
_OID = 0x06
_OCTETS = 0x04
_EXTENSIONS = 0xA3
_VERSION = 0xA0
_DNS_NAME = 0x82
_IP_ADDRESS = 0x87
_UTC_TIME = 0x17
_COMMON_NAME = bytes((0x55, 0x04, 0x03))
"""2.5.4.3, the subject's or issuer's CN."""
_ORGANIZATION = bytes((0x55, 0x04, 0x0A))
"""2.5.4.10, the O of a name, for issuers without a CN."""
_SUBJECT_ALT_NAME = bytes((0x55, 0x1D, 0x11))
"""2.5.29.17: the names a certificate is for (clients ignore the CN when it is there)."""
_ENCODINGS = {0x0C: "utf-8", 0x1E: "utf-16-be"}
"""UTF8String and BMPString; the other string types are ASCII subsets (Latin-1 reads them)."""


class Certificate(NamedTuple):
    names: tuple[str, ...]
    """The DNS names and IP addresses it is for: the subjectAltName, else the subject's CN."""
    issuer: str
    not_before: str
    """ISO dates (``2026-03-01``), as UTC."""
    not_after: str


def read(der: bytes) -> Certificate | None:
    try:
        certificate = _only(_items(der, 0, len(der)), _SEQUENCE)
        tbs = list(_items(der, *_only(_items(der, *certificate), _SEQUENCE)))
        if tbs and tbs[0][0] == _VERSION:
            tbs = tbs[1:]
        _serial, _algorithm, issuer, validity, subject = tbs[:5]
        not_before, not_after = (_date(der, *item) for item in _items(der, validity[1], validity[2]))
        names = _alt_names(der, tbs[6:]) or tuple(_attributes(der, subject, _COMMON_NAME))
        issuers = list(_attributes(der, issuer, _COMMON_NAME)) or list(_attributes(der, issuer, _ORGANIZATION))
        return Certificate(names, issuers[0] if issuers else "", not_before, not_after)
    except (ValueError, IndexError, UnicodeDecodeError):
        return None


def _items(der: bytes, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(tag, start, end) of each element between ``start`` and ``end``."""
    while start < end:
        tag, length = der[start], der[start + 1]
        start += 2
        if length & 0x80:
            count = length & 0x7F
            length = int.from_bytes(der[start:start + count], "big")
            start += count
        if start + length > end:
            raise ValueError("an element runs past its parent")
        yield tag, start, start + length
        start += length


def _only(items: Iterator[tuple[int, int, int]], tag: int) -> tuple[int, int]:
    first = next(items, None)
    if first is None or first[0] != tag:
        raise ValueError(f"expected an element with tag {tag:#x}")
    return first[1], first[2]


def _attributes(der: bytes, name: tuple[int, int, int], oid: bytes) -> Iterator[str]:
    """The values of one attribute type in a Name (a SEQUENCE of SETs of (OID, value))."""
    for tag, start, end in _items(der, name[1], name[2]):
        if tag != _SET:
            continue
        for _, attribute_start, attribute_end in _items(der, start, end):
            (_, oid_start, oid_end), (value_tag, value_start, value_end) = _items(der, attribute_start, attribute_end)
            if der[oid_start:oid_end] == oid:
                yield der[value_start:value_end].decode(_ENCODINGS.get(value_tag, "latin-1"))


def _alt_names(der: bytes, rest: list[tuple[int, int, int]]) -> tuple[str, ...]:
    for tag, start, end in rest:
        if tag != _EXTENSIONS:
            continue
        extensions = _only(_items(der, start, end), _SEQUENCE)
        for _, extension_start, extension_end in _items(der, *extensions):
            fields = list(_items(der, extension_start, extension_end))
            if der[fields[0][1]:fields[0][2]] != _SUBJECT_ALT_NAME or fields[-1][0] != _OCTETS:
                continue
            value = _only(_items(der, fields[-1][1], fields[-1][2]), _SEQUENCE)
            return tuple(_general_name(der, *item) for item in _items(der, *value)
                         if item[0] in (_DNS_NAME, _IP_ADDRESS))
    return ()


def _general_name(der: bytes, tag: int, start: int, end: int) -> str:
    if tag == _IP_ADDRESS:
        return str(ipaddress.ip_address(der[start:end]))
    return der[start:end].decode("ascii")


def _date(der: bytes, tag: int, start: int, end: int) -> str:
    """UTCTime (``YYMMDDHHMMSSZ``, years 1950-2049) or GeneralizedTime (``YYYYMMDD...``)."""
    text = der[start:end].decode("ascii")
    if tag == _UTC_TIME:
        text = ("19" if int(text[:2]) >= 50 else "20") + text
    if not text[:8].isdigit():
        raise ValueError(f"not a certificate date: {text!r}")
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"
