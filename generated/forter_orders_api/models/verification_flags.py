from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="VerificationFlags")


@_attrs_define(repr=False)
class VerificationFlags:
    """Whether a verification message was sent and whether it was verified.

    Attributes:
        sent (bool | Unset):
        verified (bool | Unset):
    """

    sent: bool | Unset = UNSET
    verified: bool | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        sent = self.sent

        verified = self.verified

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sent is not UNSET:
            field_dict["sent"] = sent
        if verified is not UNSET:
            field_dict["verified"] = verified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sent = d.pop("sent", UNSET)

        verified = d.pop("verified", UNSET)

        verification_flags = cls(
            sent=sent,
            verified=verified,
        )

        return verification_flags
