from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.bank_account import BankAccount
    from ..models.credit_card import CreditCard


T = TypeVar("T", bound="UnderlyingPaymentMethod")


@_attrs_define(repr=False)
class UnderlyingPaymentMethod:
    """The payment method a digital wallet charged.

    Attributes:
        bank_transfer (BankAccount | Unset): A bank account or transfer, described by the payment gateway payload.
        credit_card (CreditCard | Unset): A card payment (also tokenized cards and card-based wallets: Apple Pay,
            Google/Android Pay, Samsung Pay). Never a full card number: bin and lastFourDigits only.
        underlying_payment_method_type (str | Unset): Open set; known values: UNKNOWN. Note: other members unknown
            (probably CREDIT_CARD, BANK_TRANSFER ... mirroring sibling objects).
    """

    bank_transfer: BankAccount | Unset = UNSET
    credit_card: CreditCard | Unset = UNSET
    underlying_payment_method_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.bank_account import BankAccount  # noqa: PLC0415
        from ..models.credit_card import CreditCard  # noqa: PLC0415

        bank_transfer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bank_transfer, Unset):
            bank_transfer = self.bank_transfer.to_dict()

        credit_card: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credit_card, Unset):
            credit_card = self.credit_card.to_dict()

        underlying_payment_method_type = self.underlying_payment_method_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bank_transfer is not UNSET:
            field_dict["bankTransfer"] = bank_transfer
        if credit_card is not UNSET:
            field_dict["creditCard"] = credit_card
        if underlying_payment_method_type is not UNSET:
            field_dict["underlyingPaymentMethodType"] = underlying_payment_method_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bank_account import BankAccount  # noqa: PLC0415
        from ..models.credit_card import CreditCard  # noqa: PLC0415

        d = dict(src_dict)
        _bank_transfer = d.pop("bankTransfer", UNSET)
        bank_transfer: BankAccount | Unset
        if isinstance(_bank_transfer, Unset):
            bank_transfer = UNSET
        else:
            bank_transfer = BankAccount.from_dict(_bank_transfer)

        _credit_card = d.pop("creditCard", UNSET)
        credit_card: CreditCard | Unset
        if isinstance(_credit_card, Unset):
            credit_card = UNSET
        else:
            credit_card = CreditCard.from_dict(_credit_card)

        underlying_payment_method_type = d.pop("underlyingPaymentMethodType", UNSET)

        underlying_payment_method = cls(
            bank_transfer=bank_transfer,
            credit_card=credit_card,
            underlying_payment_method_type=underlying_payment_method_type,
        )

        underlying_payment_method.additional_properties = d
        return underlying_payment_method

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
