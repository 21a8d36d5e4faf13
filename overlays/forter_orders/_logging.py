"""The ``forter_orders`` logger: quiet by default, and redacting secrets and card numbers.

A :class:`RedactingFilter` is installed on the ``forter_orders`` logger at import time, and a
``NullHandler`` so that nothing is printed unless the application configures logging. Filters on a
logger only see records logged through that logger, so the package logs through ``logger`` only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Final

from ._pan import mask_pans
from ._secret import Secret, live_secret_strings

LOGGER_NAME: Final = "forter_orders"
REDACTED: Final = "[REDACTED]"

# "Authorization: Basic xxx" / "authorization': 'Basic xxx" / a bare "Basic xxx" credential.
_AUTH_RE: Final = re.compile(
    r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)(?:basic|bearer)?\s*[A-Za-z0-9+/=._~-]+"
)
_BASIC_RE: Final = re.compile(r"(?i)\b(basic\s+)[A-Za-z0-9+/]{8,}={0,2}")


class RedactingFilter(logging.Filter):
    """Redact Authorization headers, Basic credentials, secret keys and card numbers from records.

    Every live :class:`~forter_orders.Secret` (each client's key) is redacted automatically;
    ``extra_secrets`` adds more strings. The record is rewritten in place (``msg`` becomes the
    redacted, fully formatted message and ``args`` is cleared), so it is safe for any handler.
    """

    def __init__(self, name: str = "", extra_secrets: Iterable[str | Secret] = ()) -> None:
        super().__init__(name)
        self._extra = [
            s.get_secret_value() if isinstance(s, Secret) else s for s in extra_secrets if s
        ]

    def redact(self, text: str) -> str:
        """Return ``text`` with every secret, credential and PAN replaced."""
        for secret in (*self._extra, *live_secret_strings()):
            if secret in text:
                text = text.replace(secret, REDACTED)
        text = _AUTH_RE.sub(lambda m: m.group(1) + REDACTED, text)
        text = _BASIC_RE.sub(lambda m: m.group(1) + REDACTED, text)
        return mask_pans(text)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message; never drops a record."""
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: redact the raw parts instead
            message = f"{record.msg} {record.args}"
        redacted = self.redact(message)
        if redacted != message or record.args:
            record.msg = redacted
            record.args = None
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


logger: Final = logging.getLogger(LOGGER_NAME)
if not any(isinstance(f, RedactingFilter) for f in logger.filters):
    logger.addFilter(RedactingFilter())
if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
    logger.addHandler(logging.NullHandler())
