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

import schemathesis

from sandbox.core import xmlio

MEDIA_TYPES = ("application/xml", "text/xml")
_registered = False


def element_value(node: Any) -> Any:
    """One xmltodict node as JSON: its text, or an object of its attributes and children."""
    if node is None:
        return ""
    if isinstance(node, list):
        return [element_value(item) for item in node]
    if isinstance(node, dict):
        # Text beside attributes or children is not part of the model (mixed content).
        return {key.removeprefix("@"): element_value(value) for key, value in node.items() if key != "#text"}
    return node


def parse_document(content: bytes) -> Any:
    """The root element of an XML document as JSON (parsed by sandbox.core.xmlio: no DTDs, no entities)."""
    (root,) = xmlio.parse(content).values()
    return element_value(root)


def _deserialize(_ctx: Any, response: Any) -> Any:
    return parse_document(response.content)


def register() -> None:
    """Register the XML deserializer with schemathesis (once)."""
    global _registered
    if not _registered:
        schemathesis.deserializer(*MEDIA_TYPES)(_deserialize)
        _registered = True


register()
