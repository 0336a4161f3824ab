"""Article extraction: raw HTML or plain-text page dumps to :class:`detente.models.Article`."""

from detente.extract.html import extract_html
from detente.extract.textdump import extract_text_dump

__all__ = ["extract_html", "extract_text_dump"]
