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
        chose_to_save_data (bool | Unset): Whether the customer chose to save the data for next time.
    """

    used_saved_data: bool | Unset = UNSET
    chose_to_save_data: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        used_saved_data = self.used_saved_data

        chose_to_save_data = self.chose_to_save_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if used_saved_data is not UNSET:
            field_dict["usedSavedData"] = used_saved_data
        if chose_to_save_data is not UNSET:
            field_dict["choseToSaveData"] = chose_to_save_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        used_saved_data = d.pop("usedSavedData", UNSET)

        chose_to_save_data = d.pop("choseToSaveData", UNSET)

        saved_data = cls(
            used_saved_data=used_saved_data,
            chose_to_save_data=chose_to_save_data,
        )

        saved_data.additional_properties = d
        return saved_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
