from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_document_document_source import (
    VerificationDocumentDocumentSource,
    check_verification_document_document_source,
)
from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject


T = TypeVar("T", bound="VerificationDocument")


@_attrs_define(repr=False)
class VerificationDocument:
    """An identity document the customer provided.

    Attributes:
        document_source (VerificationDocumentDocumentSource | Unset):
        document_type (str | Unset): Note: free text (e.g. Passport, ID, Driving license), max 35 chars per IXOPAY
            mapping of the Forter field.
        document_verification_service_response_payload (FreeFormObject | Unset): A free-form object passed through to
            Forter as is (processor, gateway and platform payloads, whose members are defined by the sending system).
        nationality (str | Unset):
        document_issuing_state (str | Unset):
        document_number (str | Unset):
        document_first_name (str | Unset):
        document_last_name (str | Unset):
        document_date_of_birth (datetime.date | Unset): YYYY-MM-DD.
        document_expiration (datetime.date | Unset): YYYY-MM-DD.
        event_time (int | Unset): Epoch seconds.
    """

    document_source: VerificationDocumentDocumentSource | Unset = UNSET
    document_type: str | Unset = UNSET
    document_verification_service_response_payload: FreeFormObject | Unset = UNSET
    nationality: str | Unset = UNSET
    document_issuing_state: str | Unset = UNSET
    document_number: str | Unset = UNSET
    document_first_name: str | Unset = UNSET
    document_last_name: str | Unset = UNSET
    document_date_of_birth: datetime.date | Unset = UNSET
    document_expiration: datetime.date | Unset = UNSET
    event_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        document_source: str | Unset = UNSET
        if not isinstance(self.document_source, Unset):
            document_source = self.document_source

        document_type = self.document_type

        document_verification_service_response_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document_verification_service_response_payload, Unset):
            document_verification_service_response_payload = (
                self.document_verification_service_response_payload.to_dict()
            )

        nationality = self.nationality

        document_issuing_state = self.document_issuing_state

        document_number = self.document_number

        document_first_name = self.document_first_name

        document_last_name = self.document_last_name

        document_date_of_birth: str | Unset = UNSET
        if not isinstance(self.document_date_of_birth, Unset):
            document_date_of_birth = self.document_date_of_birth.isoformat()

        document_expiration: str | Unset = UNSET
        if not isinstance(self.document_expiration, Unset):
            document_expiration = self.document_expiration.isoformat()

        event_time = self.event_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if document_source is not UNSET:
            field_dict["documentSource"] = document_source
        if document_type is not UNSET:
            field_dict["documentType"] = document_type
        if document_verification_service_response_payload is not UNSET:
            field_dict["documentVerificationServiceResponsePayload"] = (
                document_verification_service_response_payload
            )
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if document_issuing_state is not UNSET:
            field_dict["documentIssuingState"] = document_issuing_state
        if document_number is not UNSET:
            field_dict["documentNumber"] = document_number
        if document_first_name is not UNSET:
            field_dict["documentFirstName"] = document_first_name
        if document_last_name is not UNSET:
            field_dict["documentLastName"] = document_last_name
        if document_date_of_birth is not UNSET:
            field_dict["documentDateOfBirth"] = document_date_of_birth
        if document_expiration is not UNSET:
            field_dict["documentExpiration"] = document_expiration
        if event_time is not UNSET:
            field_dict["eventTime"] = event_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        d = dict(src_dict)
        _document_source = d.pop("documentSource", UNSET)
        document_source: VerificationDocumentDocumentSource | Unset
        if isinstance(_document_source, Unset):
            document_source = UNSET
        else:
            document_source = check_verification_document_document_source(
                _document_source
            )

        document_type = d.pop("documentType", UNSET)

        _document_verification_service_response_payload = d.pop(
            "documentVerificationServiceResponsePayload", UNSET
        )
        document_verification_service_response_payload: FreeFormObject | Unset
        if isinstance(_document_verification_service_response_payload, Unset):
            document_verification_service_response_payload = UNSET
        else:
            document_verification_service_response_payload = FreeFormObject.from_dict(
                _document_verification_service_response_payload
            )

        nationality = d.pop("nationality", UNSET)

        document_issuing_state = d.pop("documentIssuingState", UNSET)

        document_number = d.pop("documentNumber", UNSET)

        document_first_name = d.pop("documentFirstName", UNSET)

        document_last_name = d.pop("documentLastName", UNSET)

        _document_date_of_birth = d.pop("documentDateOfBirth", UNSET)
        document_date_of_birth: datetime.date | Unset
        if isinstance(_document_date_of_birth, Unset):
            document_date_of_birth = UNSET
        else:
            document_date_of_birth = datetime.date.fromisoformat(
                _document_date_of_birth
            )

        _document_expiration = d.pop("documentExpiration", UNSET)
        document_expiration: datetime.date | Unset
        if isinstance(_document_expiration, Unset):
            document_expiration = UNSET
        else:
            document_expiration = datetime.date.fromisoformat(_document_expiration)

        event_time = d.pop("eventTime", UNSET)

        verification_document = cls(
            document_source=document_source,
            document_type=document_type,
            document_verification_service_response_payload=document_verification_service_response_payload,
            nationality=nationality,
            document_issuing_state=document_issuing_state,
            document_number=document_number,
            document_first_name=document_first_name,
            document_last_name=document_last_name,
            document_date_of_birth=document_date_of_birth,
            document_expiration=document_expiration,
            event_time=event_time,
        )

        verification_document.additional_properties = d
        return verification_document

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
