from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject


T = TypeVar("T", bound="ShopifyAdditionalItemData")


@_attrs_define(repr=False)
class ShopifyAdditionalItemData:
    """Shopify line-item properties passed through.

    Attributes:
        properties (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor, gateway and
            platform payloads, whose members are defined by the sending system).
    """

    properties: FreeFormObject | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        d = dict(src_dict)
        _properties = d.pop("properties", UNSET)
        properties: FreeFormObject | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = FreeFormObject.from_dict(_properties)

        shopify_additional_item_data = cls(
            properties=properties,
        )

        return shopify_additional_item_data
