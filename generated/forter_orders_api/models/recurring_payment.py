from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="RecurringPayment")


@_attrs_define(repr=False)
class RecurringPayment:
    """A recurring (subscription) payment and the order that started it.

    Attributes:
        initial_payment_order_id (str | Unset):
        recurring_payment_frequency (str | Unset): Note: Forter's example sends "7" as a string (days?).
    """

    initial_payment_order_id: str | Unset = UNSET
    recurring_payment_frequency: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        initial_payment_order_id = self.initial_payment_order_id

        recurring_payment_frequency = self.recurring_payment_frequency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if initial_payment_order_id is not UNSET:
            field_dict["initialPaymentOrderId"] = initial_payment_order_id
        if recurring_payment_frequency is not UNSET:
            field_dict["recurringPaymentFrequency"] = recurring_payment_frequency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        initial_payment_order_id = d.pop("initialPaymentOrderId", UNSET)

        recurring_payment_frequency = d.pop("recurringPaymentFrequency", UNSET)

        recurring_payment = cls(
            initial_payment_order_id=initial_payment_order_id,
            recurring_payment_frequency=recurring_payment_frequency,
        )

        recurring_payment.additional_properties = d
        return recurring_payment

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
