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


def parse_document(content: bytes) -> Any:
    """The root element of an XML document as JSON (parsed by sandbox.core.xmlio: no DTDs, no entities)."""
    (root,) = xmlio.parse(content).values()
    return xmlio.element_value(root)


def _deserialize(_ctx: Any, response: Any) -> Any:
    return parse_document(response.content)


def register() -> None:
    """Register the XML deserializer with schemathesis (once)."""
    global _registered
    if not _registered:
        schemathesis.deserializer(*MEDIA_TYPES)(_deserialize)
        _registered = True


register()
