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

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        crypto_wallet_type = self.crypto_wallet_type

        field_dict: dict[str, Any] = {}

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

        return crypto_wallet
