from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="PaymentGatewayData")


@_attrs_define(repr=False)
class PaymentGatewayData:
    """The payment gateway that processed the payment. Free-form: members beyond the ones listed are passed through.

    Attributes:
        gateway_name (str | Unset):
        gateway_transaction_id (None | str | Unset):
    """

    gateway_name: str | Unset = UNSET
    gateway_transaction_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        gateway_name = self.gateway_name

        gateway_transaction_id: None | str | Unset
        if isinstance(self.gateway_transaction_id, Unset):
            gateway_transaction_id = UNSET
        else:
            gateway_transaction_id = self.gateway_transaction_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if gateway_name is not UNSET:
            field_dict["gatewayName"] = gateway_name
        if gateway_transaction_id is not UNSET:
            field_dict["gatewayTransactionId"] = gateway_transaction_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gateway_name = d.pop("gatewayName", UNSET)

        def _parse_gateway_transaction_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gateway_transaction_id = _parse_gateway_transaction_id(
            d.pop("gatewayTransactionId", UNSET)
        )

        payment_gateway_data = cls(
            gateway_name=gateway_name,
            gateway_transaction_id=gateway_transaction_id,
        )

        payment_gateway_data.additional_properties = d
        return payment_gateway_data

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
