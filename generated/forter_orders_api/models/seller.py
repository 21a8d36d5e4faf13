from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.seller_details import SellerDetails


T = TypeVar("T", bound="Seller")


@_attrs_define(repr=False)
class Seller:
    """The marketplace seller of the item.

    Attributes:
        seller_details (SellerDetails | Unset): A marketplace seller or a driver: account age, ratings, funds and
            logins.
    """

    seller_details: SellerDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.seller_details import SellerDetails  # noqa: PLC0415

        seller_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seller_details, Unset):
            seller_details = self.seller_details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if seller_details is not UNSET:
            field_dict["sellerDetails"] = seller_details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seller_details import SellerDetails  # noqa: PLC0415

        d = dict(src_dict)
        _seller_details = d.pop("sellerDetails", UNSET)
        seller_details: SellerDetails | Unset
        if isinstance(_seller_details, Unset):
            seller_details = UNSET
        else:
            seller_details = SellerDetails.from_dict(_seller_details)

        seller = cls(
            seller_details=seller_details,
        )

        seller.additional_properties = d
        return seller

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
