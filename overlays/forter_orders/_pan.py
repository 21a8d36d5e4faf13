"""Card-number (PAN) detection and masking, shared by validation, errors and log redaction.

A string "looks like a PAN" when it holds a run of 13-19 digits (single spaces or dashes allowed
between digits) that starts with 2-6 (the issuer ranges of Visa, Mastercard, Amex, Discover, JCB,
Diners, UnionPay and Maestro), is not glued to letters or digits, and passes the Luhn check.
The first-digit rule keeps common false positives out (phone numbers with a 1/7/8/9 country code,
epoch timestamps, which start with 1); the letter rule keeps hex tokens out (Forter's own token
cookie can start with 13 digits). A free-standing 13+ digit number starting with 2-6 that happens
to be Luhn-valid (1 in 10) is still flagged: better a false alarm than a card number at Forter.
"""

from __future__ import annotations

import re
from typing import Any, Final

# Digits joined by at most one space or dash; the look-arounds stop a match inside a longer
# number or an alphanumeric token.
_PAN_TEXT: Final = r"(?<![0-9A-Za-z])[2-6](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z])"
PAN_RE: Final = re.compile(_PAN_TEXT)
PAN_BYTES_RE: Final = re.compile(_PAN_TEXT.encode("ascii"))
_SEPARATORS: Final = str.maketrans("", "", " -")
# Fast pre-scan of serialized JSON: map digits, spaces and dashes to "0" and everything else to
# "x" (bytes.translate, C speed), then look for 13 "0"s in a row with bytes.find. Only such runs
# (rare: a millisecond timestamp is one) go through the regex and the Luhn check. About 10x
# faster than running the regex over the whole document.
_RUN_TABLE: Final = bytes(48 if chr(b) in "0123456789 -" else 120 for b in range(256))
_MIN_RUN: Final = b"0" * 13
# The bytes PAN_RE allows first, and the ones its look-arounds refuse next to a PAN.
_FIRST_DIGITS: Final = frozenset(b"23456")
_ALNUM: Final = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check on a string of ASCII digits."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        digit = ord(char) - 48
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def find_pans(text: str) -> list[str]:
    """The PAN-like runs (as written, separators kept) in ``text``."""
    if _MIN_RUN not in text.encode("utf-8", "surrogatepass").translate(_RUN_TABLE):
        return []  # no 13-character run of digits, spaces and dashes: the common case
    found = []
    for match in PAN_RE.finditer(text):
        if luhn_valid(match.group().translate(_SEPARATORS)):
            found.append(match.group())
    return found


def bytes_may_hold_pan(data: bytes) -> bool:
    """Fast pre-check on serialized JSON: is there any Luhn-valid PAN-like run at all?

    It also matches JSON numbers, so a hit only means "walk the order to see whether it is
    inside a string".
    """
    mapped = data.translate(_RUN_TABLE)
    start = mapped.find(_MIN_RUN)
    while start != -1:
        end = mapped.find(b"x", start)
        end = len(data) if end == -1 else end
        run = data[start:end]
        if run.isdigit():
            # Digits only (a timestamp, an id): PAN_RE could only match the whole run, so check
            # what it checks without running it - most runs are epoch milliseconds (1...).
            if (
                len(run) <= 19
                and run[0] in _FIRST_DIGITS
                and not (start and data[start - 1] in _ALNUM)
                and not (end < len(data) and data[end] in _ALNUM)
                and luhn_valid(run.decode("ascii"))
            ):
                return True
        else:
            # endpos one past the run, so the look-ahead sees the character that ends it.
            for match in PAN_BYTES_RE.finditer(data, start, end + 1):
                if luhn_valid(match.group().decode("ascii").translate(_SEPARATORS)):
                    return True
        start = mapped.find(_MIN_RUN, end)
    return False


def mask_pan(pan: str) -> str:
    """``4111 1111 1111 1111`` -> ``************1111`` (only the last four digits survive)."""
    digits = pan.translate(_SEPARATORS)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_pans(text: str) -> str:
    """Replace every Luhn-valid PAN-like run in ``text`` by its mask."""
    if not PAN_RE.search(text):
        return text

    def _mask(match: re.Match[str]) -> str:
        value = match.group()
        return mask_pan(value) if luhn_valid(value.translate(_SEPARATORS)) else value

    return PAN_RE.sub(_mask, text)


def mask_pans_in(value: Any) -> Any:
    """A copy of a parsed JSON ``value`` with PANs masked in every string and member name.

    Values holding no PAN come back as they are (not copied).
    """
    if isinstance(value, str):
        return mask_pans(value)
    if isinstance(value, dict):
        pairs = [(mask_pans(str(k)), mask_pans_in(v)) for k, v in value.items()]
        originals = value.items()
        if all(k == o[0] and v is o[1] for (k, v), o in zip(pairs, originals, strict=True)):
            return value
        return dict(pairs)
    if isinstance(value, list):
        items = [mask_pans_in(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value
