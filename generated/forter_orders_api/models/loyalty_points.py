from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount


T = TypeVar("T", bound="LoyaltyPoints")


@_attrs_define(repr=False)
class LoyaltyPoints:
    """Loyalty points used to pay.

    Attributes:
        loyalty_points_count (int | Unset):
        loyalty_points_value (Amount | Unset): An amount of money as decimal strings (never floats): amountLocalCurrency
            with its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
            amountLocalCurrency.
        loyalty_points_source (str | Unset): Open set; known values: IN_ACCOUNT_PURCHASES.
        merchant_payment_id (str | Unset):
    """

    loyalty_points_count: int | Unset = UNSET
    loyalty_points_value: Amount | Unset = UNSET
    loyalty_points_source: str | Unset = UNSET
    merchant_payment_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415

        loyalty_points_count = self.loyalty_points_count

        loyalty_points_value: dict[str, Any] | Unset = UNSET
        if not isinstance(self.loyalty_points_value, Unset):
            loyalty_points_value = self.loyalty_points_value.to_dict()

        loyalty_points_source = self.loyalty_points_source

        merchant_payment_id = self.merchant_payment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if loyalty_points_count is not UNSET:
            field_dict["loyaltyPointsCount"] = loyalty_points_count
        if loyalty_points_value is not UNSET:
            field_dict["loyaltyPointsValue"] = loyalty_points_value
        if loyalty_points_source is not UNSET:
            field_dict["loyaltyPointsSource"] = loyalty_points_source
        if merchant_payment_id is not UNSET:
            field_dict["merchantPaymentId"] = merchant_payment_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415

        d = dict(src_dict)
        loyalty_points_count = d.pop("loyaltyPointsCount", UNSET)

        _loyalty_points_value = d.pop("loyaltyPointsValue", UNSET)
        loyalty_points_value: Amount | Unset
        if isinstance(_loyalty_points_value, Unset):
            loyalty_points_value = UNSET
        else:
            loyalty_points_value = Amount.from_dict(_loyalty_points_value)

        loyalty_points_source = d.pop("loyaltyPointsSource", UNSET)

        merchant_payment_id = d.pop("merchantPaymentId", UNSET)

        loyalty_points = cls(
            loyalty_points_count=loyalty_points_count,
            loyalty_points_value=loyalty_points_value,
            loyalty_points_source=loyalty_points_source,
            merchant_payment_id=merchant_payment_id,
        )

        loyalty_points.additional_properties = d
        return loyalty_points

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
