from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="Amount")


@_attrs_define(repr=False)
class Amount:
    """An amount of money as decimal strings (never floats): amountLocalCurrency with its ISO 4217 currency, and optionally
    amountUSD.

        Attributes:
            amount_local_currency (str | Unset): Decimal string with as many fraction digits as the currency's ISO 4217
                minor unit (USD "110.00", JPY "110", KWD "110.000").
            currency (str | Unset): ISO-4217 alpha-3.
            amount_usd (str | Unset): Decimal string; optional when amountLocalCurrency+currency given (workarea sends only
                amountUSD).
    """

    amount_local_currency: str | Unset = UNSET
    currency: str | Unset = UNSET
    amount_usd: str | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        amount_local_currency = self.amount_local_currency

        currency = self.currency

        amount_usd = self.amount_usd

        field_dict: dict[str, Any] = {}

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

        amount_usd = d.pop("amountUSD", UNSET)

        amount = cls(
            amount_local_currency=amount_local_currency,
            currency=currency,
            amount_usd=amount_usd,
        )

        return amount
