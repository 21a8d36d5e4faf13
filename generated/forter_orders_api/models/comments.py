from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="Comments")


@_attrs_define(repr=False)
class Comments:
    """Free-text comments on the order by the customer or the merchant.

    Attributes:
        user_comments_to_merchant (str | Unset):
        message_to_beneficiary (str | Unset):
        merchant_comments (str | Unset):
    """

    user_comments_to_merchant: str | Unset = UNSET
    message_to_beneficiary: str | Unset = UNSET
    merchant_comments: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        user_comments_to_merchant = self.user_comments_to_merchant

        message_to_beneficiary = self.message_to_beneficiary

        merchant_comments = self.merchant_comments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_comments_to_merchant is not UNSET:
            field_dict["userCommentsToMerchant"] = user_comments_to_merchant
        if message_to_beneficiary is not UNSET:
            field_dict["messageToBeneficiary"] = message_to_beneficiary
        if merchant_comments is not UNSET:
            field_dict["merchantComments"] = merchant_comments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_comments_to_merchant = d.pop("userCommentsToMerchant", UNSET)

        message_to_beneficiary = d.pop("messageToBeneficiary", UNSET)

        merchant_comments = d.pop("merchantComments", UNSET)

        comments = cls(
            user_comments_to_merchant=user_comments_to_merchant,
            message_to_beneficiary=message_to_beneficiary,
            merchant_comments=merchant_comments,
        )

        comments.additional_properties = d
        return comments

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
