from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="SavedData")


@_attrs_define(repr=False)
class SavedData:
    """Whether the customer used data saved in the account.

    Attributes:
        used_saved_data (bool | Unset):
    """

    used_saved_data: bool | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        used_saved_data = self.used_saved_data

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if used_saved_data is not UNSET:
            field_dict["usedSavedData"] = used_saved_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        used_saved_data = d.pop("usedSavedData", UNSET)

        saved_data = cls(
            used_saved_data=used_saved_data,
        )

        return saved_data
