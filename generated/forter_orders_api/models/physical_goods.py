from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="PhysicalGoods")


@_attrs_define(repr=False)
class PhysicalGoods:
    """Details of a physical item (gift wrap, color, weight).

    Attributes:
        wrap_as_gift (bool | Unset):
        color (str | Unset):
        weight (str | Unset): Note: type not stated.
    """

    wrap_as_gift: bool | Unset = UNSET
    color: str | Unset = UNSET
    weight: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        wrap_as_gift = self.wrap_as_gift

        color = self.color

        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if wrap_as_gift is not UNSET:
            field_dict["wrapAsGift"] = wrap_as_gift
        if color is not UNSET:
            field_dict["color"] = color
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        wrap_as_gift = d.pop("wrapAsGift", UNSET)

        color = d.pop("color", UNSET)

        weight = d.pop("weight", UNSET)

        physical_goods = cls(
            wrap_as_gift=wrap_as_gift,
            color=color,
            weight=weight,
        )

        physical_goods.additional_properties = d
        return physical_goods

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
