from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="Invite")


@_attrs_define(repr=False)
class Invite:
    """An invitation the customer sent or received.

    Attributes:
        type_ (str | Unset): Open set; known values: SENT. Note: Forter's example value "sent"; likely also RECEIVED.
    """

    type_: str | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        invite = cls(
            type_=type_,
        )

        return invite
