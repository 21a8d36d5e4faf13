from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount


T = TypeVar("T", bound="CreditLineDetails")


@_attrs_define(repr=False)
class CreditLineDetails:
    """A credit line (buy now, pay later) used for the payment.

    Attributes:
        asked_to_increase_credit_line_limit (bool | Unset):
        credit_line_limit_increase_method (str | Unset): Open set; known values: AT_PURCHASE. Note: Forter's example
            value "at purchase".
        current_credit_line_limit (Amount | Unset): An amount of money as decimal strings (never floats):
            amountLocalCurrency with its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its
            currency and no amountLocalCurrency.
        original_credit_line_limit (Amount | Unset): An amount of money as decimal strings (never floats):
            amountLocalCurrency with its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its
            currency and no amountLocalCurrency.
    """

    asked_to_increase_credit_line_limit: bool | Unset = UNSET
    credit_line_limit_increase_method: str | Unset = UNSET
    current_credit_line_limit: Amount | Unset = UNSET
    original_credit_line_limit: Amount | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415

        asked_to_increase_credit_line_limit = self.asked_to_increase_credit_line_limit

        credit_line_limit_increase_method = self.credit_line_limit_increase_method

        current_credit_line_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current_credit_line_limit, Unset):
            current_credit_line_limit = self.current_credit_line_limit.to_dict()

        original_credit_line_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.original_credit_line_limit, Unset):
            original_credit_line_limit = self.original_credit_line_limit.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if asked_to_increase_credit_line_limit is not UNSET:
            field_dict["askedToIncreaseCreditLineLimit"] = (
                asked_to_increase_credit_line_limit
            )
        if credit_line_limit_increase_method is not UNSET:
            field_dict["creditLineLimitIncreaseMethod"] = (
                credit_line_limit_increase_method
            )
        if current_credit_line_limit is not UNSET:
            field_dict["currentCreditLineLimit"] = current_credit_line_limit
        if original_credit_line_limit is not UNSET:
            field_dict["originalCreditLineLimit"] = original_credit_line_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415

        d = dict(src_dict)
        asked_to_increase_credit_line_limit = d.pop(
            "askedToIncreaseCreditLineLimit", UNSET
        )

        credit_line_limit_increase_method = d.pop(
            "creditLineLimitIncreaseMethod", UNSET
        )

        _current_credit_line_limit = d.pop("currentCreditLineLimit", UNSET)
        current_credit_line_limit: Amount | Unset
        if isinstance(_current_credit_line_limit, Unset):
            current_credit_line_limit = UNSET
        else:
            current_credit_line_limit = Amount.from_dict(_current_credit_line_limit)

        _original_credit_line_limit = d.pop("originalCreditLineLimit", UNSET)
        original_credit_line_limit: Amount | Unset
        if isinstance(_original_credit_line_limit, Unset):
            original_credit_line_limit = UNSET
        else:
            original_credit_line_limit = Amount.from_dict(_original_credit_line_limit)

        credit_line_details = cls(
            asked_to_increase_credit_line_limit=asked_to_increase_credit_line_limit,
            credit_line_limit_increase_method=credit_line_limit_increase_method,
            current_credit_line_limit=current_credit_line_limit,
            original_credit_line_limit=original_credit_line_limit,
        )

        credit_line_details.additional_properties = d
        return credit_line_details

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
