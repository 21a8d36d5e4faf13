from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="Amount")


@_attrs_define(repr=False)
class Amount:
    """An amount of money as decimal strings (never floats): amountLocalCurrency with its ISO 4217 currency, and optionally
    amountUSD. Some senders give amountUSD with its currency and no amountLocalCurrency.

        Attributes:
            amount_local_currency (str | Unset): Decimal string, usually with as many fraction digits as the currency's ISO
                4217 minor unit (USD "110.00", JPY "110", KWD "110.000"); senders also write "110", "45.5" and "79.9000".
                Negative only for discounts (Magento sends couponDiscountAmount as "-15.0000").
            currency (str | Unset): ISO-4217 alpha-3.
            amount_usd (None | str | Unset): Decimal string; optional (Workarea sends only amountUSD; Magento sends null for
                non-USD orders).
    """

    amount_local_currency: str | Unset = UNSET
    currency: str | Unset = UNSET
    amount_usd: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        amount_local_currency = self.amount_local_currency

        currency = self.currency

        amount_usd: None | str | Unset
        if isinstance(self.amount_usd, Unset):
            amount_usd = UNSET
        else:
            amount_usd = self.amount_usd

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_local_currency is not UNSET:
            field_dict["amountLocalCurrency"] = amount_local_currency
        if currency is not UNSET:
            field_dict["currency"] = currency
        if amount_usd is not UNSET:
            field_dict["amountUSD"] = amount_usd

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_local_currency = d.pop("amountLocalCurrency", UNSET)

        currency = d.pop("currency", UNSET)

        def _parse_amount_usd(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount_usd = _parse_amount_usd(d.pop("amountUSD", UNSET))

        amount = cls(
            amount_local_currency=amount_local_currency,
            currency=currency,
            amount_usd=amount_usd,
        )

        amount.additional_properties = d
        return amount

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
