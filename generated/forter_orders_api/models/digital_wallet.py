from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject
    from ..models.underlying_payment_method import UnderlyingPaymentMethod


T = TypeVar("T", bound="DigitalWallet")


@_attrs_define(repr=False)
class DigitalWallet:
    """A digital wallet (PayPal-like or regional wallets) and the payment method underneath.

    Attributes:
        digital_wallet_name (str | Unset): Open set; known values: ALIPAY, OTHER. Note: Forter's example value "alipay";
            CROCS sends OTHER together with freeTextDigitalWalletName "CASHAPP".
        full_digital_wallet_response_payload (FreeFormObject | Unset): A free-form object passed through to Forter as is
            (processor, gateway and platform payloads, whose members are defined by the sending system).
        underlying_payment_method (UnderlyingPaymentMethod | Unset): The payment method a digital wallet charged.
        free_text_digital_wallet_name (str | Unset):
        digital_wallet_payer_id (str | Unset):
    """

    digital_wallet_name: str | Unset = UNSET
    full_digital_wallet_response_payload: FreeFormObject | Unset = UNSET
    underlying_payment_method: UnderlyingPaymentMethod | Unset = UNSET
    free_text_digital_wallet_name: str | Unset = UNSET
    digital_wallet_payer_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.underlying_payment_method import UnderlyingPaymentMethod  # noqa: PLC0415

        digital_wallet_name = self.digital_wallet_name

        full_digital_wallet_response_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.full_digital_wallet_response_payload, Unset):
            full_digital_wallet_response_payload = (
                self.full_digital_wallet_response_payload.to_dict()
            )

        underlying_payment_method: dict[str, Any] | Unset = UNSET
        if not isinstance(self.underlying_payment_method, Unset):
            underlying_payment_method = self.underlying_payment_method.to_dict()

        free_text_digital_wallet_name = self.free_text_digital_wallet_name

        digital_wallet_payer_id = self.digital_wallet_payer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if digital_wallet_name is not UNSET:
            field_dict["digitalWalletName"] = digital_wallet_name
        if full_digital_wallet_response_payload is not UNSET:
            field_dict["fullDigitalWalletResponsePayload"] = (
                full_digital_wallet_response_payload
            )
        if underlying_payment_method is not UNSET:
            field_dict["underlyingPaymentMethod"] = underlying_payment_method
        if free_text_digital_wallet_name is not UNSET:
            field_dict["freeTextDigitalWalletName"] = free_text_digital_wallet_name
        if digital_wallet_payer_id is not UNSET:
            field_dict["digitalWalletPayerId"] = digital_wallet_payer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.underlying_payment_method import UnderlyingPaymentMethod  # noqa: PLC0415

        d = dict(src_dict)
        digital_wallet_name = d.pop("digitalWalletName", UNSET)

        _full_digital_wallet_response_payload = d.pop(
            "fullDigitalWalletResponsePayload", UNSET
        )
        full_digital_wallet_response_payload: FreeFormObject | Unset
        if isinstance(_full_digital_wallet_response_payload, Unset):
            full_digital_wallet_response_payload = UNSET
        else:
            full_digital_wallet_response_payload = FreeFormObject.from_dict(
                _full_digital_wallet_response_payload
            )

        _underlying_payment_method = d.pop("underlyingPaymentMethod", UNSET)
        underlying_payment_method: UnderlyingPaymentMethod | Unset
        if isinstance(_underlying_payment_method, Unset):
            underlying_payment_method = UNSET
        else:
            underlying_payment_method = UnderlyingPaymentMethod.from_dict(
                _underlying_payment_method
            )

        free_text_digital_wallet_name = d.pop("freeTextDigitalWalletName", UNSET)

        digital_wallet_payer_id = d.pop("digitalWalletPayerId", UNSET)

        digital_wallet = cls(
            digital_wallet_name=digital_wallet_name,
            full_digital_wallet_response_payload=full_digital_wallet_response_payload,
            underlying_payment_method=underlying_payment_method,
            free_text_digital_wallet_name=free_text_digital_wallet_name,
            digital_wallet_payer_id=digital_wallet_payer_id,
        )

        digital_wallet.additional_properties = d
        return digital_wallet

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
