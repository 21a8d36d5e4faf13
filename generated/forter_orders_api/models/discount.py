from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount


T = TypeVar("T", bound="Discount")


@_attrs_define(repr=False)
class Discount:
    """A coupon or discount applied to the order or an item.

    Attributes:
        coupon_code_used (str | Unset): Note: SFCC truncates to 20 chars.
        coupon_discount_amount (Amount | Unset): An amount of money as decimal strings (never floats):
            amountLocalCurrency with its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its
            currency and no amountLocalCurrency.
        discount_type (str | Unset): Open set; known values: COUPON. Note: only COUPON seen; Magento sends free text
            description.
        coupon_discount_percent (str | Unset): E.g. "20%".
    """

    coupon_code_used: str | Unset = UNSET
    coupon_discount_amount: Amount | Unset = UNSET
    discount_type: str | Unset = UNSET
    coupon_discount_percent: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415

        coupon_code_used = self.coupon_code_used

        coupon_discount_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.coupon_discount_amount, Unset):
            coupon_discount_amount = self.coupon_discount_amount.to_dict()

        discount_type = self.discount_type

        coupon_discount_percent = self.coupon_discount_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if coupon_code_used is not UNSET:
            field_dict["couponCodeUsed"] = coupon_code_used
        if coupon_discount_amount is not UNSET:
            field_dict["couponDiscountAmount"] = coupon_discount_amount
        if discount_type is not UNSET:
            field_dict["discountType"] = discount_type
        if coupon_discount_percent is not UNSET:
            field_dict["couponDiscountPercent"] = coupon_discount_percent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415

        d = dict(src_dict)
        coupon_code_used = d.pop("couponCodeUsed", UNSET)

        _coupon_discount_amount = d.pop("couponDiscountAmount", UNSET)
        coupon_discount_amount: Amount | Unset
        if isinstance(_coupon_discount_amount, Unset):
            coupon_discount_amount = UNSET
        else:
            coupon_discount_amount = Amount.from_dict(_coupon_discount_amount)

        discount_type = d.pop("discountType", UNSET)

        coupon_discount_percent = d.pop("couponDiscountPercent", UNSET)

        discount = cls(
            coupon_code_used=coupon_code_used,
            coupon_discount_amount=coupon_discount_amount,
            discount_type=discount_type,
            coupon_discount_percent=coupon_discount_percent,
        )

        discount.additional_properties = d
        return discount

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
