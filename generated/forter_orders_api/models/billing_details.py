from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.employment_information import EmploymentInformation
    from ..models.personal_details import PersonalDetails
    from ..models.phone import Phone
    from ..models.verification_document import VerificationDocument


T = TypeVar("T", bound="BillingDetails")


@_attrs_define(repr=False)
class BillingDetails:
    """Who pays: personal details, billing address, phones, documents and employment.

    Attributes:
        address (Address | Unset): A postal address; used for billing, delivery, accounts, venues and employers.
        all_additional_verification_documents (list[VerificationDocument] | Unset):
        employment_information (list[EmploymentInformation] | Unset):
        personal_details (PersonalDetails | Unset): A person's name and email.
        phone (list[Phone] | Unset):
    """

    address: Address | Unset = UNSET
    all_additional_verification_documents: list[VerificationDocument] | Unset = UNSET
    employment_information: list[EmploymentInformation] | Unset = UNSET
    personal_details: PersonalDetails | Unset = UNSET
    phone: list[Phone] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.employment_information import EmploymentInformation  # noqa: PLC0415
        from ..models.personal_details import PersonalDetails  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415
        from ..models.verification_document import VerificationDocument  # noqa: PLC0415

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        all_additional_verification_documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.all_additional_verification_documents, Unset):
            all_additional_verification_documents = []
            for (
                all_additional_verification_documents_item_data
            ) in self.all_additional_verification_documents:
                all_additional_verification_documents_item = (
                    all_additional_verification_documents_item_data.to_dict()
                )
                all_additional_verification_documents.append(
                    all_additional_verification_documents_item
                )

        employment_information: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.employment_information, Unset):
            employment_information = []
            for employment_information_item_data in self.employment_information:
                employment_information_item = employment_information_item_data.to_dict()
                employment_information.append(employment_information_item)

        personal_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personal_details, Unset):
            personal_details = self.personal_details.to_dict()

        phone: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.phone, Unset):
            phone = []
            for phone_item_data in self.phone:
                phone_item = phone_item_data.to_dict()
                phone.append(phone_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if all_additional_verification_documents is not UNSET:
            field_dict["allAdditionalVerificationDocuments"] = (
                all_additional_verification_documents
            )
        if employment_information is not UNSET:
            field_dict["employmentInformation"] = employment_information
        if personal_details is not UNSET:
            field_dict["personalDetails"] = personal_details
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.employment_information import EmploymentInformation  # noqa: PLC0415
        from ..models.personal_details import PersonalDetails  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415
        from ..models.verification_document import VerificationDocument  # noqa: PLC0415

        d = dict(src_dict)
        _address = d.pop("address", UNSET)
        address: Address | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = Address.from_dict(_address)

        _all_additional_verification_documents = d.pop(
            "allAdditionalVerificationDocuments", UNSET
        )
        all_additional_verification_documents: list[VerificationDocument] | Unset = (
            UNSET
        )
        if _all_additional_verification_documents is not UNSET:
            all_additional_verification_documents = []
            for (
                all_additional_verification_documents_item_data
            ) in _all_additional_verification_documents:
                all_additional_verification_documents_item = (
                    VerificationDocument.from_dict(
                        all_additional_verification_documents_item_data
                    )
                )

                all_additional_verification_documents.append(
                    all_additional_verification_documents_item
                )

        _employment_information = d.pop("employmentInformation", UNSET)
        employment_information: list[EmploymentInformation] | Unset = UNSET
        if _employment_information is not UNSET:
            employment_information = []
            for employment_information_item_data in _employment_information:
                employment_information_item = EmploymentInformation.from_dict(
                    employment_information_item_data
                )

                employment_information.append(employment_information_item)

        _personal_details = d.pop("personalDetails", UNSET)
        personal_details: PersonalDetails | Unset
        if isinstance(_personal_details, Unset):
            personal_details = UNSET
        else:
            personal_details = PersonalDetails.from_dict(_personal_details)

        _phone = d.pop("phone", UNSET)
        phone: list[Phone] | Unset = UNSET
        if _phone is not UNSET:
            phone = []
            for phone_item_data in _phone:
                phone_item = Phone.from_dict(phone_item_data)

                phone.append(phone_item)

        billing_details = cls(
            address=address,
            all_additional_verification_documents=all_additional_verification_documents,
            employment_information=employment_information,
            personal_details=personal_details,
            phone=phone,
        )

        billing_details.additional_properties = d
        return billing_details

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
