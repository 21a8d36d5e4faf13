from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.verification_flags import VerificationFlags


T = TypeVar("T", bound="Phone")


@_attrs_define(repr=False)
class Phone:
    """A phone number and whether it was verified by SMS.

    Attributes:
        phone (str): Digits, e.g. "15557654321".
        sms_verified (VerificationFlags | Unset): Whether a verification message was sent and whether it was verified.
    """

    phone: str
    sms_verified: VerificationFlags | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_flags import VerificationFlags  # noqa: PLC0415

        phone = self.phone

        sms_verified: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sms_verified, Unset):
            sms_verified = self.sms_verified.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "phone": phone,
            }
        )
        if sms_verified is not UNSET:
            field_dict["smsVerified"] = sms_verified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verification_flags import VerificationFlags  # noqa: PLC0415

        d = dict(src_dict)
        phone = d.pop("phone")

        _sms_verified = d.pop("smsVerified", UNSET)
        sms_verified: VerificationFlags | Unset
        if isinstance(_sms_verified, Unset):
            sms_verified = UNSET
        else:
            sms_verified = VerificationFlags.from_dict(_sms_verified)

        phone = cls(
            phone=phone,
            sms_verified=sms_verified,
        )

        phone.additional_properties = d
        return phone

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
