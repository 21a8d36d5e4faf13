from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject


T = TypeVar("T", bound="BankAccount")


@_attrs_define(repr=False)
class BankAccount:
    """A bank account or transfer, described by the payment gateway payload.

    Attributes:
        payment_gateway_data (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
            gateway and platform payloads, whose members are defined by the sending system).
    """

    payment_gateway_data: FreeFormObject | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        payment_gateway_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_gateway_data, Unset):
            payment_gateway_data = self.payment_gateway_data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if payment_gateway_data is not UNSET:
            field_dict["paymentGatewayData"] = payment_gateway_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        d = dict(src_dict)
        _payment_gateway_data = d.pop("paymentGatewayData", UNSET)
        payment_gateway_data: FreeFormObject | Unset
        if isinstance(_payment_gateway_data, Unset):
            payment_gateway_data = UNSET
        else:
            payment_gateway_data = FreeFormObject.from_dict(_payment_gateway_data)

        bank_account = cls(
            payment_gateway_data=payment_gateway_data,
        )

        return bank_account
