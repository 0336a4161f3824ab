"""Lines and paragraphs of a plain-text page dump (w3m, lynx, copy-paste), with furniture flags.

The rules look only at the shape of a line (length, indentation, list markers, brackets,
sentence punctuation, capitalisation) and at generic page-furniture vocabulary, never at
words of one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A list marker: bullets drawn by w3m/lynx, dashes, or "1." / "2)" numbering.
_BULLET_RE = re.compile(r"^(\s*)(?:[•*+□▪◦·‣●○■▸►–-]|(?<=\s{6})o(?=\s)|\d{1,3}[.)])(?:\s+|$)")
_LINK_REF_RE = re.compile(r"\[\d{1,4}\]")
_BUTTON_RE = re.compile(r"\((?:BUTTON|IMG|IMAGE)\)|\[BUTTON[^\]]*\]|\(not implemented\)", re.I)
_FORM_RE = re.compile(r"_{4,}|\[\s{3,}\]")
_BRACKET_ONLY_RE = re.compile(r"^(?:\[[^\]]*\]|\([^)]*\)|\s|[|/»«›‹>·•-])+$")
_LYNX_META_RE = re.compile(r"^#\w+|^IFRAME:|^https?://\S+$", re.I)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENT_END_RE = re.compile(r"[.!?…。！？][\"'”’)\]]*$|[:;]$")
_INNER_SENT_RE = re.compile(r"[a-z0-9)][.!?][\"'”’]? +[A-Z]")
_CJK_RE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")

FURNITURE_RE = re.compile(
    r"^(?:skip\b|jump to\b|go to\b|back to top|menu\b|main menu|search\b|sign in|sign up|"
    r"log ?in|log ?out|subscribe|newsletter|advertisement|advertising|sponsored|"
    r"share\b|share (?:this|on)|tweet\b|print\b|e-?mail\b|comments?\b|like this|loading|"
    r"related\b|more (?:stories|from|on|news|articles)|read (?:more|next|also)|see also|"
    r"recommended|most (?:popular|read|viewed)|trending|top stor|explore more|"
    r"you (?:may|might) (?:also )?like|follow us|click here|continue reading|"
    r"cookie|privacy|terms of (?:use|service)|all rights reserved|copyright|©|\(c\) ?\d{4}|"
    r"next article|previous article|tags?:|topics?:|filed under|close\b|open\b|toggle|"
    r"watch\b|video\b|listen\b|photos?\b|gallery|image\b|facebook|twitter|whatsapp|"
    r"linkedin|pinterest|reddit|instagram|youtube|rss\b|download|contact us|about us)",
    re.I,
)
# Headings that end an article: comments, related stories, popular lists, post navigation.
_BREAK_RE = re.compile(
    r"^(?:\d+\s+)?(?:(?:top |latest |all |view |show |reader )?(?:rated )?comments?|"
    r"responses?|replies|discussion|leave a (?:comment|reply)|"
    r"join the (?:conversation|discussion)|related(?: \w+)?|recent (?:posts|articles|stories)|"
    r"(?:most )?(?:popular|read|viewed|shared)(?: (?:stories|articles|posts|news|now))?|"
    r"more (?:stories|news|from|on|articles)|"
    r"you (?:may|might) (?:also )?like|recommended(?: \w+)?|read (?:more|next|also)|trending|"
    # readers' comments headings in other languages of the web (pt, es, fr, de, it)
    r"coment[aá]rios|comentarios|commentaires|kommentare|commenti|"
    r"latest (?:news|stories|posts|articles|videos)|top stories|previous (?:post|article)|"
    r"(?:next|previous) (?:post|article):.*|next (?:post|article)|"
    r"(?:skip|jump) (?:next|to next) section|explore more|"
    r"share this(?: \w+)?|what to read next|don'?t miss|also on|around the web|"
    r"sponsored (?:content|stories|links)|promoted (?:content|stories)|"
    r"[\w.'’()-]+(?: [\w.'’()-]+){0,3} (?:says|wrote):?|"
    r"[\w .'’()-]{1,40} on \w+ \d{1,2}, \d{4}(?: at [\d:]+ ?[ap]m)? said:?)"
    r"(?:\s*\(?\d+\)?)?$",
    re.I,
)
CREDIT_RE = re.compile(
    r"(?:^|\s|[a-z.)])(?P<credit>(?:image|photo(?:graph)?|picture|credit|source|foto|bild|"
    r"illustration|video)s?\s*(?:credit)?\s*(?::|\.\.\.|…)\s*\S)",
    re.I,
)
_CREDIT_AT_START_RE = re.compile(
    r"^\(?(?:image|photo(?:graph)?|picture|credit|foto|bild|illustration)s?\b", re.I
)
_COPYRIGHT_RE = re.compile(r"[©ⓒ]|\(c\)\s*\d{4}|copyright|all rights? reserved", re.I)


@dataclass
class Para:
    """A paragraph of the dump: rejoined wrapped lines plus shape features."""

    text: str
    first_line: int  # index of its first line in the dump
    indent: int
    bullet: bool = False
    heading: bool = False  # flush left in an indented (lynx) dump
    blank_before: bool = True
    blank_after: bool = True

    @property
    def words(self) -> int:
        """Number of words (see :func:`word_count`)."""
        return word_count(self.text)


def word_count(text: str) -> int:
    """Alphabetic words; unspaced CJK text counts one word per three characters."""
    if not _CJK_RE.search(text):  # the common case, much faster: every token is one word
        return len(_WORD_RE.findall(text))
    count = 0
    for token in _WORD_RE.findall(text):
        cjk = len(_CJK_RE.findall(token))
        count += max(1, cjk // 3) if cjk > 3 else 1
    return count


def clean_line(raw: str) -> tuple[str, bool, int]:
    """Strip link references, buttons and list markers; return (text, is_bullet, indent)."""
    line = raw.replace("\t", "    ").rstrip()
    line = _BUTTON_RE.sub("", _LINK_REF_RE.sub("", line))
    match = _BULLET_RE.match(line)
    bullet = bool(match) and not _looks_like_number(line)
    if bullet and match:
        indent = match.end()
        line = line[match.end() :]
    else:
        indent = len(line) - len(line.lstrip())
    text = re.sub(r"\s+", " ", line).strip()
    return text, bullet, indent


def _looks_like_number(line: str) -> bool:
    """True for a line such as "2.5 million" or "3.14" that only looks like a numbered item."""
    return bool(re.match(r"^\s*\d{1,3}[.)]\d", line))


def is_noise_line(text: str) -> bool:
    """True for lines with no readable words: buttons, bracketed image names, form fields."""
    if not text:
        return True
    if _FORM_RE.search(text) and len(_WORD_RE.findall(_FORM_RE.sub("", text))) <= 3:
        return True
    if _BRACKET_ONLY_RE.match(text) or _LYNX_META_RE.match(text):
        return True
    return not _WORD_RE.search(text) and not re.search(r"\d{4}|\d\d?[./-]\d\d?[./-]\d", text)


def wrap_width(lines: list[str]) -> int:
    """Estimate the column where the dumping browser wrapped lines (0 when it did not).

    The width is the longest line length (up to 200) that many other lines come close to.
    """
    lengths = sorted((len(x.rstrip()) for x in lines if len(x.strip()) > 20), reverse=True)
    need = max(3, len(lengths) // 20)
    for width in sorted({n for n in lengths if n <= 200}, reverse=True):
        if sum(1 for n in lengths if width - 12 <= n <= width) >= need:
            return width
    return 0


def _continues(prev_raw: str, prev_bullet_indent: int, raw: str, width: int) -> bool:
    """True when ``raw`` is a wrapped continuation of the line before it."""
    text, bullet, indent = clean_line(raw)
    if not text or bullet or not width:
        return False
    first_word = text.split(" ", 1)[0]
    if len(prev_raw.rstrip()) + 1 + len(first_word) <= width - 10:
        return False
    return abs(indent - prev_bullet_indent) <= 2


def split_paragraphs(text: str) -> list[Para]:
    """Group the dump's lines into paragraphs, rejoining lines the browser wrapped."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = wrap_width(raw_lines)
    lynx = _is_indented_dump(raw_lines)
    paras: list[Para] = []
    prev_raw = ""
    prev_indent = 0
    blank = True
    for i, raw in enumerate(raw_lines):
        text, bullet, indent = clean_line(raw)
        if not text:
            if not raw.strip():
                blank = True
                if paras:
                    paras[-1].blank_after = True
            continue
        if paras and not blank and prev_raw and _continues(prev_raw, prev_indent, raw, width):
            paras[-1].text += ("" if _no_space_join(paras[-1].text, text) else " ") + text
            prev_raw = raw
            continue
        if paras:
            paras[-1].blank_after = paras[-1].blank_after and blank
        heading = lynx and indent == 0 and not bullet
        paras.append(Para(text, i, indent, bullet, heading, blank_before=blank, blank_after=False))
        prev_raw, prev_indent, blank = raw, indent, False
    if paras:
        paras[-1].blank_after = True
    return [p for p in paras if not is_noise_line(p.text)]


_CJK_RE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _no_space_join(left: str, right: str) -> bool:
    """Chinese and Japanese are written without spaces: a line wrapped between two such
    characters is rejoined without one."""
    return bool(left and right and _CJK_RE.match(left[-1]) and _CJK_RE.match(right[0]))


def _is_indented_dump(lines: list[str]) -> bool:
    """True for lynx-style dumps where body text is indented and headings are flush left."""
    nonblank = [x for x in lines if x.strip()]
    if not nonblank:
        return False
    indented = sum(1 for x in nonblank if x.startswith("   "))
    return indented / len(nonblank) > 0.6


def sentence_like(text: str) -> bool:
    """True when a paragraph reads like running prose (ends a sentence, mostly lowercase words)."""
    words = _WORD_RE.findall(text)
    if word_count(text) < 6:
        return False
    lower = sum(1 for w in words if not w[0].isupper())
    ends = bool(_SENT_END_RE.search(text)) or (
        # truncated prose (wire snippets cut mid-sentence): long, with a sentence boundary inside
        len(words) >= 20 and _INNER_SENT_RE.search(text) is not None
    )
    return ends and lower / len(words) >= 0.35


def title_case_ratio(text: str) -> float:
    """Share of words that start with a capital letter."""
    words = _WORD_RE.findall(text)
    return sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0


def is_furniture(text: str) -> bool:
    """True for share/menu/cookie/copyright/related-story lines (short lines only)."""
    words = word_count(text)
    if _COPYRIGHT_RE.search(text) and words <= 25:
        return True
    return bool(FURNITURE_RE.match(text)) and (words <= 8 or not sentence_like(text))


_LEGAL_RE = re.compile(
    r"\b(?:cookies?|privacy|consent|trademarks?|rights reserved|terms of (?:use|service)|"
    r"policy|website|browser|subscri\w+|newsletters?|sign(?:ing)? up|log(?:ging)? in|"
    r"advertis\w+|unsubscribe|e-?mail address|inbox|notifications?|javascript|"
    r"ad ?blocker|personali[sz]\w+|opt[ -]out|third[ -]part(?:y|ies))\b",
    re.I,
)


def is_legal_prose(text: str) -> bool:
    """True for cookie banners, legal notices and sign-up pitches (dense boilerplate words)."""
    hits = len(_LEGAL_RE.findall(text))
    return hits >= 2 and hits / max(1, word_count(text)) >= 0.05


def is_section_break(text: str) -> bool:
    """True for a heading that closes the article (comments, related stories, post nav)."""
    words = word_count(text)
    return words <= 12 and bool(_BREAK_RE.match(text.strip(" »›>:#")))


def is_credit(text: str) -> bool:
    """True for an image-credit line ("Image: Getty Images", "Photo: AP", "Credit...")."""
    words = word_count(text)
    if words > 14:
        return False
    return bool(_CREDIT_AT_START_RE.match(text) or CREDIT_RE.search(text))


def split_credit(text: str) -> tuple[str, str] | None:
    """Split "Caption text.Image: Agency" glued by the dump into (caption, credit)."""
    match = CREDIT_RE.search(text)
    if not match or match.start() == 0:
        return None
    cut = match.start("credit")
    caption = text[:cut].strip(" (")
    if not caption:
        return None
    return caption, text[cut:].strip()
