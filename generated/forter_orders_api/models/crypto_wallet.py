from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="CryptoWallet")


@_attrs_define(repr=False)
class CryptoWallet:
    """A cryptocurrency wallet.

    Attributes:
        crypto_wallet_type (str | Unset): Open set; known values: EXTERNAL. Note: Forter's example value "external";
            other members unknown.
    """

    crypto_wallet_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        crypto_wallet_type = self.crypto_wallet_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if crypto_wallet_type is not UNSET:
            field_dict["cryptoWalletType"] = crypto_wallet_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        crypto_wallet_type = d.pop("cryptoWalletType", UNSET)

        crypto_wallet = cls(
            crypto_wallet_type=crypto_wallet_type,
        )

        crypto_wallet.additional_properties = d
        return crypto_wallet

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
