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

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        initial_payment_order_id = self.initial_payment_order_id

        recurring_payment_frequency = self.recurring_payment_frequency

        field_dict: dict[str, Any] = {}

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

        return recurring_payment
