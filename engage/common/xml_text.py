"""Text going into the XML of Office files (XLSX and DOCX): what XML cannot hold, and XML built once for text
that repeats."""

import re
from collections.abc import Callable

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # pasted text can hold these; XML 1.0 cannot
REMEMBER_UP_TO = 200  # characters: longer texts are built each time and not kept
REMEMBER_AT_MOST = 20000  # texts: then start again, rather than stop (a file's repeated texts come close together)


def is_plain(text: str) -> bool:
    """True when the text goes into XML as it is: no markup characters, no line breaks, nothing XML forbids
    (control characters and U+FFFE/U+FFFF are not printable). Each test is one fast scan in C."""
    return text.isprintable() and "&" not in text and "<" not in text and ">" not in text


class Remembered(dict):
    """`make(text)` remembered for short texts: names, categories, statuses and stages repeat on most rows, so
    their XML is built once; long ones are built each time and not kept, which bounds the memory. Only `str`
    is kept: True and 1 are the same key to a dictionary, but not the same text."""

    def __init__(self, make: Callable[[str], str]):
        super().__init__()
        self.make = make

    def __missing__(self, text: str) -> str:
        made = self.make(text)
        if text.__class__ is str and len(text) <= REMEMBER_UP_TO:
            if len(self) >= REMEMBER_AT_MOST:
                self.clear()
            self[text] = made
        return made
