from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="Venmo")


@_attrs_define(repr=False)
class Venmo:
    """A Venmo payment.

    Attributes:
        full_venmo_response_payload (str | Unset): Note: Forter's example shows a string ("") here, unlike other
            full*ResponsePayload keys which are objects; treat as string-or-object.
        token (str | Unset):
        user_id (str | Unset):
        username (str | Unset): Note: alt: userName; accounts API uses username (SF_CA).
    """

    full_venmo_response_payload: str | Unset = UNSET
    token: str | Unset = UNSET
    user_id: str | Unset = UNSET
    username: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        full_venmo_response_payload = self.full_venmo_response_payload

        token = self.token

        user_id = self.user_id

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if full_venmo_response_payload is not UNSET:
            field_dict["fullVenmoResponsePayload"] = full_venmo_response_payload
        if token is not UNSET:
            field_dict["token"] = token
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        full_venmo_response_payload = d.pop("fullVenmoResponsePayload", UNSET)

        token = d.pop("token", UNSET)

        user_id = d.pop("userId", UNSET)

        username = d.pop("username", UNSET)

        venmo = cls(
            full_venmo_response_payload=full_venmo_response_payload,
            token=token,
            user_id=user_id,
            username=username,
        )

        venmo.additional_properties = d
        return venmo

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
