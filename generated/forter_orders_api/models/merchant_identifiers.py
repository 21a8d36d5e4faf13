from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="MerchantIdentifiers")


@_attrs_define(repr=False)
class MerchantIdentifiers:
    """The store the order was placed in (multi-store platforms). Free-form: members beyond the ones listed are passed
    through.

        Attributes:
            merchant_id (int | str | Unset):
            merchant_domain (str | Unset):
            merchant_name (str | Unset):
    """

    merchant_id: int | str | Unset = UNSET
    merchant_domain: str | Unset = UNSET
    merchant_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        merchant_id: int | str | Unset
        if isinstance(self.merchant_id, Unset):
            merchant_id = UNSET
        else:
            merchant_id = self.merchant_id

        merchant_domain = self.merchant_domain

        merchant_name = self.merchant_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if merchant_id is not UNSET:
            field_dict["merchantId"] = merchant_id
        if merchant_domain is not UNSET:
            field_dict["merchantDomain"] = merchant_domain
        if merchant_name is not UNSET:
            field_dict["merchantName"] = merchant_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_merchant_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        merchant_id = _parse_merchant_id(d.pop("merchantId", UNSET))

        merchant_domain = d.pop("merchantDomain", UNSET)

        merchant_name = d.pop("merchantName", UNSET)

        merchant_identifiers = cls(
            merchant_id=merchant_id,
            merchant_domain=merchant_domain,
            merchant_name=merchant_name,
        )

        merchant_identifiers.additional_properties = d
        return merchant_identifiers

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
