from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.bank_account import BankAccount
    from ..models.comments import Comments
    from ..models.crypto_wallet import CryptoWallet
    from ..models.personal_details import PersonalDetails
    from ..models.phone import Phone
    from ..models.verification_document import VerificationDocument


T = TypeVar("T", bound="Recipient")


@_attrs_define(repr=False)
class Recipient:
    """Who receives the order (primaryRecipient) or an item (cartItems[].beneficiaries[]).

    Attributes:
        additional_verification_documents (VerificationDocument | Unset): An identity document the customer provided.
        address (Address | Unset): A postal address; used for billing, delivery, accounts, venues and employers.
        bank_account (BankAccount | Unset): A bank account or transfer, described by the payment gateway payload.
        comments (Comments | Unset): Free-text comments on the order by the customer or the merchant.
        crypto_wallet (CryptoWallet | Unset): A cryptocurrency wallet.
        personal_details (PersonalDetails | Unset): A person's name and email.
        phone (list[Phone] | Unset):
    """

    additional_verification_documents: VerificationDocument | Unset = UNSET
    address: Address | Unset = UNSET
    bank_account: BankAccount | Unset = UNSET
    comments: Comments | Unset = UNSET
    crypto_wallet: CryptoWallet | Unset = UNSET
    personal_details: PersonalDetails | Unset = UNSET
    phone: list[Phone] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.bank_account import BankAccount  # noqa: PLC0415
        from ..models.comments import Comments  # noqa: PLC0415
        from ..models.crypto_wallet import CryptoWallet  # noqa: PLC0415
        from ..models.personal_details import PersonalDetails  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415
        from ..models.verification_document import VerificationDocument  # noqa: PLC0415

        additional_verification_documents: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_verification_documents, Unset):
            additional_verification_documents = (
                self.additional_verification_documents.to_dict()
            )

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        bank_account: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bank_account, Unset):
            bank_account = self.bank_account.to_dict()

        comments: dict[str, Any] | Unset = UNSET
        if not isinstance(self.comments, Unset):
            comments = self.comments.to_dict()

        crypto_wallet: dict[str, Any] | Unset = UNSET
        if not isinstance(self.crypto_wallet, Unset):
            crypto_wallet = self.crypto_wallet.to_dict()

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
        if additional_verification_documents is not UNSET:
            field_dict["additionalVerificationDocuments"] = (
                additional_verification_documents
            )
        if address is not UNSET:
            field_dict["address"] = address
        if bank_account is not UNSET:
            field_dict["bankAccount"] = bank_account
        if comments is not UNSET:
            field_dict["comments"] = comments
        if crypto_wallet is not UNSET:
            field_dict["cryptoWallet"] = crypto_wallet
        if personal_details is not UNSET:
            field_dict["personalDetails"] = personal_details
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.bank_account import BankAccount  # noqa: PLC0415
        from ..models.comments import Comments  # noqa: PLC0415
        from ..models.crypto_wallet import CryptoWallet  # noqa: PLC0415
        from ..models.personal_details import PersonalDetails  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415
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

        _address = d.pop("address", UNSET)
        address: Address | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = Address.from_dict(_address)

        _bank_account = d.pop("bankAccount", UNSET)
        bank_account: BankAccount | Unset
        if isinstance(_bank_account, Unset):
            bank_account = UNSET
        else:
            bank_account = BankAccount.from_dict(_bank_account)

        _comments = d.pop("comments", UNSET)
        comments: Comments | Unset
        if isinstance(_comments, Unset):
            comments = UNSET
        else:
            comments = Comments.from_dict(_comments)

        _crypto_wallet = d.pop("cryptoWallet", UNSET)
        crypto_wallet: CryptoWallet | Unset
        if isinstance(_crypto_wallet, Unset):
            crypto_wallet = UNSET
        else:
            crypto_wallet = CryptoWallet.from_dict(_crypto_wallet)

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

        recipient = cls(
            additional_verification_documents=additional_verification_documents,
            address=address,
            bank_account=bank_account,
            comments=comments,
            crypto_wallet=crypto_wallet,
            personal_details=personal_details,
            phone=phone,
        )

        recipient.additional_properties = d
        return recipient

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
