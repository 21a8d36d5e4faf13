"""Card-number (PAN) detection and masking, shared by validation, errors and log redaction.

Two questions, two answers:

* **Is this certainly a card number?** (:func:`find_pans`, the validation *error* that keeps an
  order from Forter.) A run of digits that passes the Luhn check **and** whose issuer prefix and
  length are a card scheme's (Visa 16/19, Mastercard 16, Amex 15, Discover, JCB, Diners,
  UnionPay, Maestro, Mir, RuPay, ...). An IMEI (15 digits from 35/86/...), a phone number, a
  13-digit shop order id or a 14-digit variant id is Luhn-valid 1 time in 10 but has no card
  scheme's shape, so it is never refused: blocking a checkout needs certainty.
* **Could this be a card number?** (:func:`mask_pans`, what logs, messages and recordings hide.)
  Any Luhn-valid run of 13-19 digits starting with 2-6: a false alarm here only masks an id.

A run is digits joined by up to two spaces, dashes, dots or slashes (``4111 1111 1111 1111``,
``4111.1111.1111.1111``), not glued to letters or digits (hex tokens: Forter's own token cookie
can start with 13 digits) and not after a ``+`` (a phone number), except track data:
``%B4111...^`` (track 1) and ``;4111...=`` (track 2). JSON numbers are checked like strings by
the validator. Not detected (documented in the README): digits glued to words
(``card4111...``), tab-separated digits, non-ASCII digits.
"""

from __future__ import annotations

import re
from typing import Any, Final

# The look-behind: not inside a longer number, an alphanumeric token or after "+" (a phone),
# unless after "%B" (track 1 data). The look-ahead: not followed by a digit or a letter.
_PAN_TEXT: Final = r"(?:(?<![0-9A-Za-z+])|(?<=%B))[2-6](?:[ ./-]{0,2}[0-9]){12,18}(?![0-9A-Za-z])"
PAN_RE: Final = re.compile(_PAN_TEXT)
PAN_BYTES_RE: Final = re.compile(_PAN_TEXT.encode("ascii"))
_SEPARATORS: Final = str.maketrans("", "", " -./")
# Fast pre-scan of serialized JSON: map digits and separators to "0" and everything else to
# "x" (bytes.translate, C speed), then look for 13 "0"s in a row with bytes.find. Only such runs
# (rare: a millisecond timestamp is one) go through the regex and the Luhn check. About 10x
# faster than running the regex over the whole document.
_RUN_TABLE: Final = bytes(48 if chr(b) in "0123456789 -./" else 120 for b in range(256))
_MIN_RUN: Final = b"0" * 13
# The bytes PAN_RE allows first, and the ones its look-arounds refuse next to a PAN.
_FIRST_DIGITS: Final = frozenset(b"23456")
_ALNUM: Final = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+")

# Issuer prefixes (IIN ranges, inclusive, compared on as many leading digits as they have) and the
# lengths each scheme issues. Sources: the schemes' published IIN ranges as summarised by ISO/IEC
# 7812 registries; Visa's 13-digit cards are no longer issued (and a 13-digit Visa-shaped run is
# far more often a phone number or an order id), so Visa is 16 or 19.
_SCHEMES: Final[tuple[tuple[int, int, frozenset[int]], ...]] = (
    (4, 4, frozenset({16, 19})),  # Visa (incl. Electron)
    (51, 55, frozenset({16})),  # Mastercard
    (2221, 2720, frozenset({16})),  # Mastercard 2-series
    (34, 34, frozenset({15})),  # American Express
    (37, 37, frozenset({15})),  # American Express
    (6011, 6011, frozenset(range(16, 20))),  # Discover
    (644, 649, frozenset(range(16, 20))),  # Discover
    (65, 65, frozenset(range(16, 20))),  # Discover / RuPay
    (3528, 3589, frozenset(range(16, 20))),  # JCB
    (36, 36, frozenset(range(14, 20))),  # Diners Club International
    (300, 305, frozenset(range(16, 20))),  # Diners Club
    (38, 39, frozenset(range(16, 20))),  # Diners Club
    (62, 62, frozenset(range(16, 20))),  # UnionPay
    (2200, 2204, frozenset(range(16, 20))),  # Mir
    (60, 60, frozenset({16})),  # RuPay
    (508, 508, frozenset({16})),  # RuPay
    (5018, 5018, frozenset(range(16, 20))),  # Maestro
    (5020, 5020, frozenset(range(16, 20))),  # Maestro
    (5038, 5038, frozenset(range(16, 20))),  # Maestro
    (5893, 5893, frozenset(range(16, 20))),  # Maestro
    (6304, 6304, frozenset(range(16, 20))),  # Maestro
    (6759, 6759, frozenset(range(16, 20))),  # Maestro
    (6761, 6763, frozenset(range(16, 20))),  # Maestro
    (67, 67, frozenset(range(16, 20))),  # Maestro (other 67 ranges)
    (63, 63, frozenset(range(16, 20))),  # Maestro / InstaPayment (637-639)
)


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


def card_scheme_shaped(digits: str) -> bool:
    """Whether ``digits`` has a card scheme's issuer prefix and one of its lengths."""
    length = len(digits)
    for low, high, lengths in _SCHEMES:
        if length in lengths:
            width = len(str(low))
            if low <= int(digits[:width]) <= high:
                return True
    return False


def is_card_number(digits: str) -> bool:
    """Certainly a card number: a card scheme's shape and a valid Luhn check digit."""
    return card_scheme_shaped(digits) and luhn_valid(digits)


def find_pans(text: str) -> list[str]:
    """The card numbers (as written, separators kept) in ``text``: what validation refuses."""
    if _MIN_RUN not in text.encode("utf-8", "surrogatepass").translate(_RUN_TABLE):
        return []  # no 13-character run of digits and separators: the common case
    found = []
    for match in PAN_RE.finditer(text):
        if is_card_number(match.group().translate(_SEPARATORS)):
            found.append(match.group())
    return found


def bytes_may_hold_pan(data: bytes) -> bool:
    """Fast pre-check on serialized JSON: is there any Luhn-valid PAN-like run at all?

    A superset of what :func:`find_pans` finds (it does not check the card scheme) that also
    matches JSON numbers, so a hit only means "walk the order to look closer".
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
            before_ok = (
                not start or data[start - 1] not in _ALNUM or data[start - 2 : start] == b"%B"
            )
            if (
                len(run) <= 19
                and run[0] in _FIRST_DIGITS
                and before_ok
                and not (end < len(data) and data[end] in _ALNUM)
                and luhn_valid(run.decode("ascii"))
            ):
                return True
        else:
            # From two before the run (the look-behind sees "%B") to one past it (the
            # look-ahead sees the character that ends it).
            for match in PAN_BYTES_RE.finditer(data, max(start - 2, 0), end + 1):
                if luhn_valid(match.group().decode("ascii").translate(_SEPARATORS)):
                    return True
        start = mapped.find(_MIN_RUN, end)
    return False


def mask_pan(pan: str) -> str:
    """``4111 1111 1111 1111`` -> ``************1111`` (only the last four digits survive)."""
    digits = pan.translate(_SEPARATORS)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_pans(text: str) -> str:
    """Replace every Luhn-valid PAN-like run in ``text`` by its mask (card scheme or not)."""
    if not PAN_RE.search(text):
        return text

    def _mask(match: re.Match[str]) -> str:
        value = match.group()
        return mask_pan(value) if luhn_valid(value.translate(_SEPARATORS)) else value

    return PAN_RE.sub(_mask, text)


def mask_pans_in(value: Any) -> Any:
    """A copy of a parsed JSON ``value`` with PANs masked in every string and member name.

    Values holding no PAN come back as they are (not copied). Integers that could be card
    numbers come back as their masked text.
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
    if type(value) is int and value >= 10**12:
        masked = mask_pans(str(value))
        return value if masked == str(value) else masked
    return value
