from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="Gaming")


@_attrs_define(repr=False)
class Gaming:
    """An in-game item bought in the cart item.

    Attributes:
        game_item_amount (int | Unset):
        game_name (str | Unset):
    """

    game_item_amount: int | Unset = UNSET
    game_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        game_item_amount = self.game_item_amount

        game_name = self.game_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if game_item_amount is not UNSET:
            field_dict["gameItemAmount"] = game_item_amount
        if game_name is not UNSET:
            field_dict["gameName"] = game_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        game_item_amount = d.pop("gameItemAmount", UNSET)

        game_name = d.pop("gameName", UNSET)

        gaming = cls(
            game_item_amount=game_item_amount,
            game_name=game_name,
        )

        gaming.additional_properties = d
        return gaming

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
