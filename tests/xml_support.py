"""Schemathesis reads XML responses: a deserializer that maps a document onto OpenAPI's XML model.

Schemathesis 4 ships no XML deserializer (an XML response is silently left unvalidated), so this
module registers one for `application/xml` and `text/xml`. Mapping (OpenAPI's `xml` object
conventions, schema-free): the root element is the schema's object (its `xml.name`); a child
element becomes a property named after its tag; attributes become properties too; an element with
neither children nor attributes is its text (`""` when empty); a tag repeated under one parent
becomes a list. Every value stays a string: XML has no numbers, so contracts type them as
patterned strings. Calling `register()` again changes nothing.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

import schemathesis
from defusedxml.ElementTree import fromstring

MEDIA_TYPES = ("application/xml", "text/xml")
_registered = False


def element_value(element: Element) -> Any:
    """An element as JSON: its text, or an object of its attributes and children."""
    children = list(element)
    if not children and not element.attrib:
        return element.text or ""
    value: dict[str, Any] = dict(element.attrib)
    for child in children:
        item = element_value(child)
        if child.tag in value:
            existing = value[child.tag]
            value[child.tag] = [*existing, item] if isinstance(existing, list) else [existing, item]
        else:
            value[child.tag] = item
    return value


def parse_document(content: bytes) -> Any:
    """The root element of an XML document as JSON (entities and DTDs refused)."""
    return element_value(fromstring(content, forbid_dtd=True))


def _deserialize(_ctx: Any, response: Any) -> Any:
    return parse_document(response.content)


def register() -> None:
    """Register the XML deserializer with schemathesis (once)."""
    global _registered
    if not _registered:
        schemathesis.deserializer(*MEDIA_TYPES)(_deserialize)
        _registered = True


register()
