from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount


T = TypeVar("T", bound="StoredValue")


@_attrs_define(repr=False)
class StoredValue:
    """A gift card or store credit used to pay.

    Attributes:
        value (Amount | Unset): An amount of money as decimal strings (never floats): amountLocalCurrency with its ISO
            4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
            amountLocalCurrency.
        activation_time (int | Unset): Epoch seconds.
        credit_currency (str | Unset):
        credit_origin (str | Unset):
        merchant_payment_id (str | Unset):
        original_value (Amount | Unset): An amount of money as decimal strings (never floats): amountLocalCurrency with
            its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
            amountLocalCurrency.
        email_originally_sent_to (str | Unset): Email the gift card was sent to.
        email_originally_sent_from (str | Unset): Email of the gift card's buyer.
    """

    value: Amount | Unset = UNSET
    activation_time: int | Unset = UNSET
    credit_currency: str | Unset = UNSET
    credit_origin: str | Unset = UNSET
    merchant_payment_id: str | Unset = UNSET
    original_value: Amount | Unset = UNSET
    email_originally_sent_to: str | Unset = UNSET
    email_originally_sent_from: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415

        value: dict[str, Any] | Unset = UNSET
        if not isinstance(self.value, Unset):
            value = self.value.to_dict()

        activation_time = self.activation_time

        credit_currency = self.credit_currency

        credit_origin = self.credit_origin

        merchant_payment_id = self.merchant_payment_id

        original_value: dict[str, Any] | Unset = UNSET
        if not isinstance(self.original_value, Unset):
            original_value = self.original_value.to_dict()

        email_originally_sent_to = self.email_originally_sent_to

        email_originally_sent_from = self.email_originally_sent_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if value is not UNSET:
            field_dict["value"] = value
        if activation_time is not UNSET:
            field_dict["activationTime"] = activation_time
        if credit_currency is not UNSET:
            field_dict["creditCurrency"] = credit_currency
        if credit_origin is not UNSET:
            field_dict["creditOrigin"] = credit_origin
        if merchant_payment_id is not UNSET:
            field_dict["merchantPaymentId"] = merchant_payment_id
        if original_value is not UNSET:
            field_dict["originalValue"] = original_value
        if email_originally_sent_to is not UNSET:
            field_dict["emailOriginallySentTo"] = email_originally_sent_to
        if email_originally_sent_from is not UNSET:
            field_dict["emailOriginallySentFrom"] = email_originally_sent_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415

        d = dict(src_dict)
        _value = d.pop("value", UNSET)
        value: Amount | Unset
        if isinstance(_value, Unset):
            value = UNSET
        else:
            value = Amount.from_dict(_value)

        activation_time = d.pop("activationTime", UNSET)

        credit_currency = d.pop("creditCurrency", UNSET)

        credit_origin = d.pop("creditOrigin", UNSET)

        merchant_payment_id = d.pop("merchantPaymentId", UNSET)

        _original_value = d.pop("originalValue", UNSET)
        original_value: Amount | Unset
        if isinstance(_original_value, Unset):
            original_value = UNSET
        else:
            original_value = Amount.from_dict(_original_value)

        email_originally_sent_to = d.pop("emailOriginallySentTo", UNSET)

        email_originally_sent_from = d.pop("emailOriginallySentFrom", UNSET)

        stored_value = cls(
            value=value,
            activation_time=activation_time,
            credit_currency=credit_currency,
            credit_origin=credit_origin,
            merchant_payment_id=merchant_payment_id,
            original_value=original_value,
            email_originally_sent_to=email_originally_sent_to,
            email_originally_sent_from=email_originally_sent_from,
        )

        stored_value.additional_properties = d
        return stored_value

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
