from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount


T = TypeVar("T", bound="ProfessionalServices")


@_attrs_define(repr=False)
class ProfessionalServices:
    """A professional service bought in the cart item.

    Attributes:
        tip_amount (Amount | Unset): An amount of money as decimal strings (never floats): amountLocalCurrency with its
            ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
            amountLocalCurrency.
    """

    tip_amount: Amount | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415

        tip_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tip_amount, Unset):
            tip_amount = self.tip_amount.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tip_amount is not UNSET:
            field_dict["tipAmount"] = tip_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415

        d = dict(src_dict)
        _tip_amount = d.pop("tipAmount", UNSET)
        tip_amount: Amount | Unset
        if isinstance(_tip_amount, Unset):
            tip_amount = UNSET
        else:
            tip_amount = Amount.from_dict(_tip_amount)

        professional_services = cls(
            tip_amount=tip_amount,
        )

        professional_services.additional_properties = d
        return professional_services

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
