from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="Psd2Exemption")


@_attrs_define(repr=False)
class Psd2Exemption:
    """A PSD2 strong-customer-authentication exemption to force.

    Attributes:
        channel (str | Unset): Open set; known values: THREEDS_RAILS. Note: Forter's example value "threeds rails"; docs
            3ds-recommendation mention exemptions over the 3DS rails vs. authorization.
        type_ (str | Unset): Open set; known values: LOW_VALUE. Note: Forter's example value "low value"; by analogy
            with REQUEST_SCA_EXEMPTION_* likely also TRA, CORP, TRUSTED_BENEFICIARY.
    """

    channel: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if channel is not UNSET:
            field_dict["channel"] = channel
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = d.pop("channel", UNSET)

        type_ = d.pop("type", UNSET)

        psd_2_exemption = cls(
            channel=channel,
            type_=type_,
        )

        psd_2_exemption.additional_properties = d
        return psd_2_exemption

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
