from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_details_delivery_type import (
    DeliveryDetailsDeliveryType,
    check_delivery_details_delivery_type,
)
from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount


T = TypeVar("T", bound="DeliveryDetails")


@_attrs_define(repr=False)
class DeliveryDetails:
    """How the order (or one item) is delivered, and at what price.

    Attributes:
        delivery_method (str | Unset): Note: free text, e.g. "USPS - Ground Mail".
        delivery_price (Amount | Unset): An amount of money as decimal strings (never floats): amountLocalCurrency with
            its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
            amountLocalCurrency.
        delivery_type (DeliveryDetailsDeliveryType | Unset):
        expected_delivery_date (datetime.date | Unset): YYYY-MM-DD.
        carrier (None | str | Unset):
    """

    delivery_method: str | Unset = UNSET
    delivery_price: Amount | Unset = UNSET
    delivery_type: DeliveryDetailsDeliveryType | Unset = UNSET
    expected_delivery_date: datetime.date | Unset = UNSET
    carrier: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415

        delivery_method = self.delivery_method

        delivery_price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.delivery_price, Unset):
            delivery_price = self.delivery_price.to_dict()

        delivery_type: str | Unset = UNSET
        if not isinstance(self.delivery_type, Unset):
            delivery_type = self.delivery_type

        expected_delivery_date: str | Unset = UNSET
        if not isinstance(self.expected_delivery_date, Unset):
            expected_delivery_date = self.expected_delivery_date.isoformat()

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if delivery_method is not UNSET:
            field_dict["deliveryMethod"] = delivery_method
        if delivery_price is not UNSET:
            field_dict["deliveryPrice"] = delivery_price
        if delivery_type is not UNSET:
            field_dict["deliveryType"] = delivery_type
        if expected_delivery_date is not UNSET:
            field_dict["expectedDeliveryDate"] = expected_delivery_date
        if carrier is not UNSET:
            field_dict["carrier"] = carrier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415

        d = dict(src_dict)
        delivery_method = d.pop("deliveryMethod", UNSET)

        _delivery_price = d.pop("deliveryPrice", UNSET)
        delivery_price: Amount | Unset
        if isinstance(_delivery_price, Unset):
            delivery_price = UNSET
        else:
            delivery_price = Amount.from_dict(_delivery_price)

        _delivery_type = d.pop("deliveryType", UNSET)
        delivery_type: DeliveryDetailsDeliveryType | Unset
        if isinstance(_delivery_type, Unset):
            delivery_type = UNSET
        else:
            delivery_type = check_delivery_details_delivery_type(_delivery_type)

        _expected_delivery_date = d.pop("expectedDeliveryDate", UNSET)
        expected_delivery_date: datetime.date | Unset
        if isinstance(_expected_delivery_date, Unset):
            expected_delivery_date = UNSET
        else:
            expected_delivery_date = datetime.date.fromisoformat(
                _expected_delivery_date
            )

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        delivery_details = cls(
            delivery_method=delivery_method,
            delivery_price=delivery_price,
            delivery_type=delivery_type,
            expected_delivery_date=expected_delivery_date,
            carrier=carrier,
        )

        delivery_details.additional_properties = d
        return delivery_details

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
