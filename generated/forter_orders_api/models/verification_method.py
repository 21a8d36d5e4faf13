from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_method_status import (
    VerificationMethodStatus,
    check_verification_method_status,
)
from ..models.verification_method_type import (
    VerificationMethodType,
    check_verification_method_type,
)
from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.verification_specific_data import VerificationSpecificData


T = TypeVar("T", bound="VerificationMethod")


@_attrs_define(repr=False)
class VerificationMethod:
    """How Forter asks the merchant to verify the customer (3DS and others).

    Attributes:
        correlation_id (str | Unset):
        status (VerificationMethodStatus | Unset): Open set; known values: FRICTIONLESS, ATTEMPTED, AUTHENTICATED,
            FRICTIONLESS_NOT_AUTHENTICATED, FRICTIONLESS_BANK_REJECT, FRICTIONLESS_TECHNICAL_ISSUE, NETWORK_ERROR. Unknown
            values are passed through. Note: partial list (challenge-related statuses exist on the same pages beyond what
            was retrievable); model as open enum.
        status_code (str | Unset): Note: Forter's example "100" (string).
        status_message (str | Unset):
        type_ (VerificationMethodType | Unset): Open set; known values: THREE_DS. Unknown values are passed through.
            Note: Forter's example value "three ds"; THREE_DS matches verificationResults.authenticationMethodType in
            forter-commercetools example; Forter's example also lists email/phone verification data so EMAIL/PHONE (or
            similar) likely.
        verification_id (str | Unset):
        verification_specific_data (VerificationSpecificData | Unset): Method-specific data. Note the capital T of
            ThreeDS, as the docs write it.
    """

    correlation_id: str | Unset = UNSET
    status: VerificationMethodStatus | Unset = UNSET
    status_code: str | Unset = UNSET
    status_message: str | Unset = UNSET
    type_: VerificationMethodType | Unset = UNSET
    verification_id: str | Unset = UNSET
    verification_specific_data: VerificationSpecificData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_specific_data import VerificationSpecificData  # noqa: PLC0415

        correlation_id = self.correlation_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = str(self.status)

        status_code = self.status_code

        status_message = self.status_message

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = str(self.type_)

        verification_id = self.verification_id

        verification_specific_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.verification_specific_data, Unset):
            verification_specific_data = self.verification_specific_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if correlation_id is not UNSET:
            field_dict["correlationId"] = correlation_id
        if status is not UNSET:
            field_dict["status"] = status
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if status_message is not UNSET:
            field_dict["statusMessage"] = status_message
        if type_ is not UNSET:
            field_dict["type"] = type_
        if verification_id is not UNSET:
            field_dict["verificationId"] = verification_id
        if verification_specific_data is not UNSET:
            field_dict["verificationSpecificData"] = verification_specific_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verification_specific_data import VerificationSpecificData  # noqa: PLC0415

        d = dict(src_dict)
        correlation_id = d.pop("correlationId", UNSET)

        _status = d.pop("status", UNSET)
        status: VerificationMethodStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_verification_method_status(_status)

        status_code = d.pop("statusCode", UNSET)

        status_message = d.pop("statusMessage", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: VerificationMethodType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_verification_method_type(_type_)

        verification_id = d.pop("verificationId", UNSET)

        _verification_specific_data = d.pop("verificationSpecificData", UNSET)
        verification_specific_data: VerificationSpecificData | Unset
        if isinstance(_verification_specific_data, Unset):
            verification_specific_data = UNSET
        else:
            verification_specific_data = VerificationSpecificData.from_dict(
                _verification_specific_data
            )

        verification_method = cls(
            correlation_id=correlation_id,
            status=status,
            status_code=status_code,
            status_message=status_message,
            type_=type_,
            verification_id=verification_id,
            verification_specific_data=verification_specific_data,
        )

        verification_method.additional_properties = d
        return verification_method

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
