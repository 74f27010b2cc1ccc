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
from defusedxml.ElementTree import DefusedXMLParser

from sandbox.core import limits

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
FEED_CHARS = 64 * 1024


class XmlParseError(ValueError):
    """The body is not well-formed XML, or uses entities and DTDs that are refused."""


class XmlLimitError(XmlParseError):
    """The document nests deeper, or holds more elements, than the sandbox's limits allow."""


class _Shape:
    """A parser target that builds nothing: it counts elements and depth, and stops at a limit."""

    def __init__(self, max_depth: int, max_elements: int) -> None:
        self.max_depth = max_depth
        self.max_elements = max_elements
        self.depth = 0
        self.elements = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > self.max_depth:
            raise XmlLimitError(
                f"elements nested deeper than {self.max_depth} levels (SANDBOX_XML_MAX_DEPTH)"
            )
        if self.elements > self.max_elements:
            raise XmlLimitError(f"more than {self.max_elements} elements (SANDBOX_XML_MAX_ELEMENTS)")

    def end(self, tag: str) -> None:
        self.depth -= 1

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def vet(data: str, max_depth: int, max_elements: int) -> None:
    """Stream `data` through defusedxml (no DTD, entities or external references) within the limits."""
    parser = DefusedXMLParser(target=_Shape(max_depth, max_elements), forbid_dtd=True)
    for start in range(0, len(data), FEED_CHARS):
        parser.feed(data[start : start + FEED_CHARS])
    parser.close()


def parse(data: bytes | str, **kwargs: Any) -> dict[str, Any]:
    """Parse XML into xmltodict's dicts, refusing entities, external references and oversized shapes.

    The document is first streamed through defusedxml into a target that builds nothing, so a
    document past the depth or element limit is refused as soon as the parser reaches that point,
    in time and memory that do not grow with the rest of it; only then does xmltodict build dicts.
    """
    if isinstance(data, bytes):
        data = data.decode("utf-8", errors="replace")
    if not data.strip():
        raise XmlParseError("empty document")
    bounds = limits.current()
    try:
        vet(data, bounds.xml_max_depth, bounds.xml_max_elements)
        return xmltodict.parse(data, disable_entities=True, **kwargs)
    except XmlParseError:
        raise
    except (ExpatError, ParseError, DefusedXmlException, ValueError, RecursionError) as exc:
        raise XmlParseError(str(exc)) from exc


def render(document: dict[str, Any], *, declaration: bool = True, pretty: bool = True) -> str:
    """Write one root element from xmltodict's dicts, optionally with MOR-style UTF-8 declaration."""
    body = xmltodict.unparse(document, full_document=False, pretty=pretty, indent="  ")
    return f"{XML_DECLARATION}\n{body}\n" if declaration else f"{body}\n"


def element_value(node: Any) -> Any:
    """One parsed element as JSON, as the contracts' XML schemas describe it: its text, or an object of
    its attributes (without `@`) and children. Text beside attributes or children (mixed content) is
    not part of that model."""
    if node is None:
        return ""
    if isinstance(node, list):
        return [element_value(item) for item in node]
    if isinstance(node, dict):
        return {key.removeprefix("@"): element_value(value) for key, value in node.items() if key != "#text"}
    return node
