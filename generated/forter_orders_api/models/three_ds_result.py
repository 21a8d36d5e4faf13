from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="ThreeDsResult")


@_attrs_define(repr=False)
class ThreeDsResult:
    """The 3-D Secure authentication result Forter returns.

    Attributes:
        authentication_value (str | Unset):
        eci_value (str | Unset):
        version (str | Unset):
        ds_trans_id (str | Unset):
    """

    authentication_value: str | Unset = UNSET
    eci_value: str | Unset = UNSET
    version: str | Unset = UNSET
    ds_trans_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        authentication_value = self.authentication_value

        eci_value = self.eci_value

        version = self.version

        ds_trans_id = self.ds_trans_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if authentication_value is not UNSET:
            field_dict["authenticationValue"] = authentication_value
        if eci_value is not UNSET:
            field_dict["ECIValue"] = eci_value
        if version is not UNSET:
            field_dict["version"] = version
        if ds_trans_id is not UNSET:
            field_dict["dsTransID"] = ds_trans_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        authentication_value = d.pop("authenticationValue", UNSET)

        eci_value = d.pop("ECIValue", UNSET)

        version = d.pop("version", UNSET)

        ds_trans_id = d.pop("dsTransID", UNSET)

        three_ds_result = cls(
            authentication_value=authentication_value,
            eci_value=eci_value,
            version=version,
            ds_trans_id=ds_trans_id,
        )

        three_ds_result.additional_properties = d
        return three_ds_result

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
