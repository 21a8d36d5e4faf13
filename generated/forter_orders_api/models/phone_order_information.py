from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="PhoneOrderInformation")


@_attrs_define(repr=False)
class PhoneOrderInformation:
    """Details of an order taken by phone.

    Attributes:
        customer_web_id (str | Unset):
    """

    customer_web_id: str | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        customer_web_id = self.customer_web_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if customer_web_id is not UNSET:
            field_dict["customerWebId"] = customer_web_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_web_id = d.pop("customerWebId", UNSET)

        phone_order_information = cls(
            customer_web_id=customer_web_id,
        )

        return phone_order_information
