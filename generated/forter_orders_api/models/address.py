from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.saved_data import SavedData


T = TypeVar("T", bound="Address")


@_attrs_define(repr=False)
class Address:
    """A postal address; used for billing, delivery, accounts, venues and employers.

    Attributes:
        address1 (str | Unset):
        city (str | Unset):
        country (str | Unset): ISO 3166-1 alpha-2, e.g. "US".
        saved_data (SavedData | Unset): Whether the customer used data saved in the account.
        address2 (str | Unset):
        region (str | Unset): Note: state/province code.
        zip_ (str | Unset):
        company (str | Unset):
    """

    address1: str | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    saved_data: SavedData | Unset = UNSET
    address2: str | Unset = UNSET
    region: str | Unset = UNSET
    zip_: str | Unset = UNSET
    company: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.saved_data import SavedData  # noqa: PLC0415

        address1 = self.address1

        city = self.city

        country = self.country

        saved_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.saved_data, Unset):
            saved_data = self.saved_data.to_dict()

        address2 = self.address2

        region = self.region

        zip_ = self.zip_

        company = self.company

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address1 is not UNSET:
            field_dict["address1"] = address1
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if saved_data is not UNSET:
            field_dict["savedData"] = saved_data
        if address2 is not UNSET:
            field_dict["address2"] = address2
        if region is not UNSET:
            field_dict["region"] = region
        if zip_ is not UNSET:
            field_dict["zip"] = zip_
        if company is not UNSET:
            field_dict["company"] = company

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.saved_data import SavedData  # noqa: PLC0415

        d = dict(src_dict)
        address1 = d.pop("address1", UNSET)

        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        _saved_data = d.pop("savedData", UNSET)
        saved_data: SavedData | Unset
        if isinstance(_saved_data, Unset):
            saved_data = UNSET
        else:
            saved_data = SavedData.from_dict(_saved_data)

        address2 = d.pop("address2", UNSET)

        region = d.pop("region", UNSET)

        zip_ = d.pop("zip", UNSET)

        company = d.pop("company", UNSET)

        address = cls(
            address1=address1,
            city=city,
            country=country,
            saved_data=saved_data,
            address2=address2,
            region=region,
            zip_=zip_,
            company=company,
        )

        address.additional_properties = d
        return address

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
