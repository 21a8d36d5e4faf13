from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="UpdateTimes")


@_attrs_define(repr=False)
class UpdateTimes:
    """When something was created, modified, last used or removed (epoch seconds).

    Attributes:
        creation_time (int | Unset): Epoch seconds.
        last_modified_time (int | Unset):
        last_used (int | Unset):
        removal_time (int | Unset):
    """

    creation_time: int | Unset = UNSET
    last_modified_time: int | Unset = UNSET
    last_used: int | Unset = UNSET
    removal_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        creation_time = self.creation_time

        last_modified_time = self.last_modified_time

        last_used = self.last_used

        removal_time = self.removal_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if creation_time is not UNSET:
            field_dict["creationTime"] = creation_time
        if last_modified_time is not UNSET:
            field_dict["lastModifiedTime"] = last_modified_time
        if last_used is not UNSET:
            field_dict["lastUsed"] = last_used
        if removal_time is not UNSET:
            field_dict["removalTime"] = removal_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        creation_time = d.pop("creationTime", UNSET)

        last_modified_time = d.pop("lastModifiedTime", UNSET)

        last_used = d.pop("lastUsed", UNSET)

        removal_time = d.pop("removalTime", UNSET)

        update_times = cls(
            creation_time=creation_time,
            last_modified_time=last_modified_time,
            last_used=last_used,
            removal_time=removal_time,
        )

        update_times.additional_properties = d
        return update_times

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
