from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="HistoricalData")


@_attrs_define(repr=False)
class HistoricalData:
    """How a past order ended, sent when historical orders are backfilled.

    Attributes:
        order_status (str | Unset): E.g. COMPLETED, CANCELED_BY_MERCHANT, CANCELED_BY_CUSTOMER, PROCESSING, SENT.
        fraud (str | Unset): E.g. FRAUD_REFUND (empty when none).
    """

    order_status: str | Unset = UNSET
    fraud: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        order_status = self.order_status

        fraud = self.fraud

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if order_status is not UNSET:
            field_dict["orderStatus"] = order_status
        if fraud is not UNSET:
            field_dict["fraud"] = fraud

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_status = d.pop("orderStatus", UNSET)

        fraud = d.pop("fraud", UNSET)

        historical_data = cls(
            order_status=order_status,
            fraud=fraud,
        )

        historical_data.additional_properties = d
        return historical_data

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
