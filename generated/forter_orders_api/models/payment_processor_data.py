from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="PaymentProcessorData")


@_attrs_define(repr=False)
class PaymentProcessorData:
    """The payment processor that handled the payment. Free-form: members beyond the ones listed are passed through.

    Attributes:
        processor_merchant_id (str | Unset):
        processor_name (str | Unset):
        processor_transaction_id (str | Unset):
    """

    processor_merchant_id: str | Unset = UNSET
    processor_name: str | Unset = UNSET
    processor_transaction_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        processor_merchant_id = self.processor_merchant_id

        processor_name = self.processor_name

        processor_transaction_id = self.processor_transaction_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if processor_merchant_id is not UNSET:
            field_dict["processorMerchantId"] = processor_merchant_id
        if processor_name is not UNSET:
            field_dict["processorName"] = processor_name
        if processor_transaction_id is not UNSET:
            field_dict["processorTransactionId"] = processor_transaction_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        processor_merchant_id = d.pop("processorMerchantId", UNSET)

        processor_name = d.pop("processorName", UNSET)

        processor_transaction_id = d.pop("processorTransactionId", UNSET)

        payment_processor_data = cls(
            processor_merchant_id=processor_merchant_id,
            processor_name=processor_name,
            processor_transaction_id=processor_transaction_id,
        )

        payment_processor_data.additional_properties = d
        return payment_processor_data

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
