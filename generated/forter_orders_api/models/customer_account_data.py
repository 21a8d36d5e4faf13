from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.customer_engagement import CustomerEngagement
    from ..models.email_in_account import EmailInAccount
    from ..models.personal_details import PersonalDetails
    from ..models.phone import Phone
    from ..models.rating import Rating
    from ..models.verification_document import VerificationDocument


T = TypeVar("T", bound="CustomerAccountData")


@_attrs_define(repr=False)
class CustomerAccountData:
    """The customer's account history and engagement at the merchant.

    Attributes:
        additional_verification_documents (VerificationDocument | Unset): An identity document the customer provided.
        addresses_in_account (list[Address] | Unset):
        customer_engagement (CustomerEngagement | Unset): How the customer engages with the merchant (reviews, wish
            lists, messages, ...).
        emails_in_account (list[EmailInAccount] | Unset):
        phones_in_account (list[Phone] | Unset):
        rating_as_buyer (Rating | Unset): A rating score and its source.
        status (str | Unset): Note: account status string (Magento maps from customer).
        personal_details (PersonalDetails | Unset): A person's name and email.
    """

    additional_verification_documents: VerificationDocument | Unset = UNSET
    addresses_in_account: list[Address] | Unset = UNSET
    customer_engagement: CustomerEngagement | Unset = UNSET
    emails_in_account: list[EmailInAccount] | Unset = UNSET
    phones_in_account: list[Phone] | Unset = UNSET
    rating_as_buyer: Rating | Unset = UNSET
    status: str | Unset = UNSET
    personal_details: PersonalDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.customer_engagement import CustomerEngagement  # noqa: PLC0415
        from ..models.email_in_account import EmailInAccount  # noqa: PLC0415
        from ..models.personal_details import PersonalDetails  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415
        from ..models.rating import Rating  # noqa: PLC0415
        from ..models.verification_document import VerificationDocument  # noqa: PLC0415

        additional_verification_documents: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_verification_documents, Unset):
            additional_verification_documents = (
                self.additional_verification_documents.to_dict()
            )

        addresses_in_account: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.addresses_in_account, Unset):
            addresses_in_account = []
            for addresses_in_account_item_data in self.addresses_in_account:
                addresses_in_account_item = addresses_in_account_item_data.to_dict()
                addresses_in_account.append(addresses_in_account_item)

        customer_engagement: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_engagement, Unset):
            customer_engagement = self.customer_engagement.to_dict()

        emails_in_account: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.emails_in_account, Unset):
            emails_in_account = []
            for emails_in_account_item_data in self.emails_in_account:
                emails_in_account_item = emails_in_account_item_data.to_dict()
                emails_in_account.append(emails_in_account_item)

        phones_in_account: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.phones_in_account, Unset):
            phones_in_account = []
            for phones_in_account_item_data in self.phones_in_account:
                phones_in_account_item = phones_in_account_item_data.to_dict()
                phones_in_account.append(phones_in_account_item)

        rating_as_buyer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rating_as_buyer, Unset):
            rating_as_buyer = self.rating_as_buyer.to_dict()

        status = self.status

        personal_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personal_details, Unset):
            personal_details = self.personal_details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if additional_verification_documents is not UNSET:
            field_dict["additionalVerificationDocuments"] = (
                additional_verification_documents
            )
        if addresses_in_account is not UNSET:
            field_dict["addressesInAccount"] = addresses_in_account
        if customer_engagement is not UNSET:
            field_dict["customerEngagement"] = customer_engagement
        if emails_in_account is not UNSET:
            field_dict["emailsInAccount"] = emails_in_account
        if phones_in_account is not UNSET:
            field_dict["phonesInAccount"] = phones_in_account
        if rating_as_buyer is not UNSET:
            field_dict["ratingAsBuyer"] = rating_as_buyer
        if status is not UNSET:
            field_dict["status"] = status
        if personal_details is not UNSET:
            field_dict["personalDetails"] = personal_details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.customer_engagement import CustomerEngagement  # noqa: PLC0415
        from ..models.email_in_account import EmailInAccount  # noqa: PLC0415
        from ..models.personal_details import PersonalDetails  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415
        from ..models.rating import Rating  # noqa: PLC0415
        from ..models.verification_document import VerificationDocument  # noqa: PLC0415

        d = dict(src_dict)
        _additional_verification_documents = d.pop(
            "additionalVerificationDocuments", UNSET
        )
        additional_verification_documents: VerificationDocument | Unset
        if isinstance(_additional_verification_documents, Unset):
            additional_verification_documents = UNSET
        else:
            additional_verification_documents = VerificationDocument.from_dict(
                _additional_verification_documents
            )

        _addresses_in_account = d.pop("addressesInAccount", UNSET)
        addresses_in_account: list[Address] | Unset = UNSET
        if _addresses_in_account is not UNSET:
            addresses_in_account = []
            for addresses_in_account_item_data in _addresses_in_account:
                addresses_in_account_item = Address.from_dict(
                    addresses_in_account_item_data
                )

                addresses_in_account.append(addresses_in_account_item)

        _customer_engagement = d.pop("customerEngagement", UNSET)
        customer_engagement: CustomerEngagement | Unset
        if isinstance(_customer_engagement, Unset):
            customer_engagement = UNSET
        else:
            customer_engagement = CustomerEngagement.from_dict(_customer_engagement)

        _emails_in_account = d.pop("emailsInAccount", UNSET)
        emails_in_account: list[EmailInAccount] | Unset = UNSET
        if _emails_in_account is not UNSET:
            emails_in_account = []
            for emails_in_account_item_data in _emails_in_account:
                emails_in_account_item = EmailInAccount.from_dict(
                    emails_in_account_item_data
                )

                emails_in_account.append(emails_in_account_item)

        _phones_in_account = d.pop("phonesInAccount", UNSET)
        phones_in_account: list[Phone] | Unset = UNSET
        if _phones_in_account is not UNSET:
            phones_in_account = []
            for phones_in_account_item_data in _phones_in_account:
                phones_in_account_item = Phone.from_dict(phones_in_account_item_data)

                phones_in_account.append(phones_in_account_item)

        _rating_as_buyer = d.pop("ratingAsBuyer", UNSET)
        rating_as_buyer: Rating | Unset
        if isinstance(_rating_as_buyer, Unset):
            rating_as_buyer = UNSET
        else:
            rating_as_buyer = Rating.from_dict(_rating_as_buyer)

        status = d.pop("status", UNSET)

        _personal_details = d.pop("personalDetails", UNSET)
        personal_details: PersonalDetails | Unset
        if isinstance(_personal_details, Unset):
            personal_details = UNSET
        else:
            personal_details = PersonalDetails.from_dict(_personal_details)

        customer_account_data = cls(
            additional_verification_documents=additional_verification_documents,
            addresses_in_account=addresses_in_account,
            customer_engagement=customer_engagement,
            emails_in_account=emails_in_account,
            phones_in_account=phones_in_account,
            rating_as_buyer=rating_as_buyer,
            status=status,
            personal_details=personal_details,
        )

        customer_account_data.additional_properties = d
        return customer_account_data

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
