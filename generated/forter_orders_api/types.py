"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar, final

from attrs import define, fields, frozen


class Unset:
    """The type of ``UNSET``: a member left out of the JSON (distinct from ``None``, JSON null)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


@final
@frozen
class UnknownValue:
    """A value of an open set that the spec does not list (e.g. a decision Forter added later).

    Members such as ``OrderDecision.forter_decision`` are typed ``Literal[...] | UnknownValue``:
    the listed values are plain strings, so ``decision.forter_decision == "APROVE"`` is a
    non-overlapping comparison that ``mypy --strict`` reports, while a value the spec does not
    know still parses (``UnknownValue("VERIFICATION_REQUIRED")``) and is sent back unchanged by
    ``to_dict()``. ``str()`` gives the raw value either way. attrs' ``__eq__`` is invisible to
    mypy on purpose: a visible ``__eq__`` would switch the strict-equality check off.
    """

    value: str

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        # As the string would be, so `if decision.recommendation:` keeps its meaning.
        return bool(self.value)


def repr_set_members(model: Any) -> str:
    """``Name(member=value, ...)`` listing only the members that are set (not ``UNSET``).

    The generated models use it as ``__repr__``; ``additional_properties`` is shown when it
    holds anything.
    """
    parts = []
    for attribute in fields(type(model)):
        if not attribute.repr:
            continue
        value = getattr(model, attribute.name)
        if isinstance(value, Unset) or (
            attribute.name == "additional_properties" and not value
        ):
            continue
        parts.append(f"{attribute.name}={value!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "UnknownValue",
    "Unset",
    "repr_set_members",
]
