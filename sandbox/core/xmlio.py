"""The one place XML is parsed (defusedxml, via xmltodict) and written (xmltodict).

Vendors build plain dicts in xmltodict's convention (`@attr` for attributes, `#text` for text,
lists for repeated elements) and never concatenate XML strings.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

import xmltodict
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


class XmlParseError(ValueError):
    """The body is not well-formed XML, or uses entities and DTDs that are refused."""


def parse(data: bytes | str, **kwargs: Any) -> dict[str, Any]:
    """Parse XML into xmltodict's dicts, refusing entity expansion and external references."""
    if isinstance(data, bytes):
        data = data.decode("utf-8", errors="replace")
    if not data.strip():
        raise XmlParseError("empty document")
    try:
        # defusedxml vets the document (no DTD, no entities, no external references) before
        # xmltodict turns it into dicts.
        defused_fromstring(data, forbid_dtd=True)
        return xmltodict.parse(data, disable_entities=True, **kwargs)
    except (ExpatError, ParseError, DefusedXmlException, ValueError) as exc:
        raise XmlParseError(str(exc)) from exc


def render(document: dict[str, Any], *, declaration: bool = True, pretty: bool = True) -> str:
    """Write one root element from xmltodict's dicts, optionally with MOR-style UTF-8 declaration."""
    body = xmltodict.unparse(document, full_document=False, pretty=pretty, indent="  ")
    return f"{XML_DECLARATION}\n{body}\n" if declaration else f"{body}\n"
