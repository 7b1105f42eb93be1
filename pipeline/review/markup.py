"""A document's text as HTML with its spans highlighted: every piece of text escaped, nested
spans as nested elements, and a span that crosses the end of an enclosing one split in parts.

Each span has exactly one element carrying its attributes (for a mention, `data-mention`); the
parts that continue it after a crossing span closes carry `data-mention-cont` (or, for any other
span, `data-part-of`) with the same value, so selecting a mention's evidence selects them too.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass
class Span:
    """One highlighted span: its offsets, CSS classes, and the attributes of its first element."""

    start: int
    end: int
    classes: str
    attributes: dict = field(default_factory=dict)

    def open_tag(self, continuation: bool) -> str:
        """`<mark ...>` for the span's first element or, with `continuation`, for a later part."""
        if not continuation:
            attributes = {"class": self.classes, "tabindex": "0", **self.attributes}
        else:
            key, value = ("data-mention-cont", self.attributes["data-mention"]) if "data-mention" in self.attributes \
                else ("data-part-of", self.attributes.get("data-gold", ""))
            attributes = {"class": self.classes + " cont", key: value}
        return "<mark" + "".join(f' {name}="{escape(value)}"' for name, value in attributes.items()) + ">"


def highlight(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, with each span inside the text wrapped in `<mark>` elements."""
    valid = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
    writer = _Writer(text)
    for span in valid:
        writer.close_until(span.start)
        writer.text_to(span.start)
        writer.open(span)
    writer.close_until(len(text))
    writer.text_to(len(text))
    return Markup("".join(writer.parts))


class _Writer:
    """The stack of open spans and the HTML written so far."""

    def __init__(self, text: str):
        self.text, self.position, self.parts, self.stack = text, 0, [], []

    def text_to(self, position: int) -> None:
        if position > self.position:
            self.parts.append(str(escape(self.text[self.position:position])))
            self.position = position

    def open(self, span: Span, continuation: bool = False) -> None:
        self.parts.append(span.open_tag(continuation))
        self.stack.append(span)

    def close_until(self, position: int) -> None:
        """Close every open span that ends at or before `position`, innermost first; spans
        opened inside a closing one that go on past it are reopened as continuations."""
        while self.stack:
            end = min(s.end for s in self.stack)
            if end > position:
                return
            self.text_to(end)
            first = next(i for i, s in enumerate(self.stack) if s.end == end)
            closed = self.stack[first:]
            del self.stack[first:]
            self.parts.append("</mark>" * len(closed))
            for span in closed:
                if span.end > end:
                    self.open(span, continuation=True)
