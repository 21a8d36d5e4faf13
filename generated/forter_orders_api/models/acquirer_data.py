from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="AcquirerData")


@_attrs_define(repr=False)
class AcquirerData:
    """The acquiring bank and merchant identifiers used for 3-D Secure.

    Attributes:
        acquirer_name (str | Unset):
        acquirer_bin (str | Unset):
        acquirer_merchant_id (int | str | Unset): Note: example is a JSON number.
        acquirer_merchant_name (str | Unset):
        merchant_category_code (int | str | Unset): Note: example 5655 as number.
        merchant_country_code (int | str | Unset): Note: ISO numeric, example 840 as number.
        acquirer_country (str | Unset): ISO alpha-2.
    """

    acquirer_name: str | Unset = UNSET
    acquirer_bin: str | Unset = UNSET
    acquirer_merchant_id: int | str | Unset = UNSET
    acquirer_merchant_name: str | Unset = UNSET
    merchant_category_code: int | str | Unset = UNSET
    merchant_country_code: int | str | Unset = UNSET
    acquirer_country: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        acquirer_name = self.acquirer_name

        acquirer_bin = self.acquirer_bin

        acquirer_merchant_id: int | str | Unset
        if isinstance(self.acquirer_merchant_id, Unset):
            acquirer_merchant_id = UNSET
        else:
            acquirer_merchant_id = self.acquirer_merchant_id

        acquirer_merchant_name = self.acquirer_merchant_name

        merchant_category_code: int | str | Unset
        if isinstance(self.merchant_category_code, Unset):
            merchant_category_code = UNSET
        else:
            merchant_category_code = self.merchant_category_code

        merchant_country_code: int | str | Unset
        if isinstance(self.merchant_country_code, Unset):
            merchant_country_code = UNSET
        else:
            merchant_country_code = self.merchant_country_code

        acquirer_country = self.acquirer_country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if acquirer_name is not UNSET:
            field_dict["acquirerName"] = acquirer_name
        if acquirer_bin is not UNSET:
            field_dict["acquirerBIN"] = acquirer_bin
        if acquirer_merchant_id is not UNSET:
            field_dict["acquirerMerchantId"] = acquirer_merchant_id
        if acquirer_merchant_name is not UNSET:
            field_dict["acquirerMerchantName"] = acquirer_merchant_name
        if merchant_category_code is not UNSET:
            field_dict["merchantCategoryCode"] = merchant_category_code
        if merchant_country_code is not UNSET:
            field_dict["merchantCountryCode"] = merchant_country_code
        if acquirer_country is not UNSET:
            field_dict["acquirerCountry"] = acquirer_country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acquirer_name = d.pop("acquirerName", UNSET)

        acquirer_bin = d.pop("acquirerBIN", UNSET)

        def _parse_acquirer_merchant_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        acquirer_merchant_id = _parse_acquirer_merchant_id(
            d.pop("acquirerMerchantId", UNSET)
        )

        acquirer_merchant_name = d.pop("acquirerMerchantName", UNSET)

        def _parse_merchant_category_code(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        merchant_category_code = _parse_merchant_category_code(
            d.pop("merchantCategoryCode", UNSET)
        )

        def _parse_merchant_country_code(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        merchant_country_code = _parse_merchant_country_code(
            d.pop("merchantCountryCode", UNSET)
        )

        acquirer_country = d.pop("acquirerCountry", UNSET)

        acquirer_data = cls(
            acquirer_name=acquirer_name,
            acquirer_bin=acquirer_bin,
            acquirer_merchant_id=acquirer_merchant_id,
            acquirer_merchant_name=acquirer_merchant_name,
            merchant_category_code=merchant_category_code,
            merchant_country_code=merchant_country_code,
            acquirer_country=acquirer_country,
        )

        acquirer_data.additional_properties = d
        return acquirer_data

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
