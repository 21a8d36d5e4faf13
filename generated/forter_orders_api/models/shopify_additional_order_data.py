from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject


T = TypeVar("T", bound="ShopifyAdditionalOrderData")


@_attrs_define(repr=False)
class ShopifyAdditionalOrderData:
    """The Shopify order headers and payload passed through.

    Attributes:
        full_shopify_order_headers (FreeFormObject | Unset): A free-form object passed through to Forter as is
            (processor, gateway and platform payloads, whose members are defined by the sending system).
        full_shopify_order_payload (FreeFormObject | Unset): A free-form object passed through to Forter as is
            (processor, gateway and platform payloads, whose members are defined by the sending system).
    """

    full_shopify_order_headers: FreeFormObject | Unset = UNSET
    full_shopify_order_payload: FreeFormObject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        full_shopify_order_headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.full_shopify_order_headers, Unset):
            full_shopify_order_headers = self.full_shopify_order_headers.to_dict()

        full_shopify_order_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.full_shopify_order_payload, Unset):
            full_shopify_order_payload = self.full_shopify_order_payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if full_shopify_order_headers is not UNSET:
            field_dict["fullShopifyOrderHeaders"] = full_shopify_order_headers
        if full_shopify_order_payload is not UNSET:
            field_dict["fullShopifyOrderPayload"] = full_shopify_order_payload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        d = dict(src_dict)
        _full_shopify_order_headers = d.pop("fullShopifyOrderHeaders", UNSET)
        full_shopify_order_headers: FreeFormObject | Unset
        if isinstance(_full_shopify_order_headers, Unset):
            full_shopify_order_headers = UNSET
        else:
            full_shopify_order_headers = FreeFormObject.from_dict(
                _full_shopify_order_headers
            )

        _full_shopify_order_payload = d.pop("fullShopifyOrderPayload", UNSET)
        full_shopify_order_payload: FreeFormObject | Unset
        if isinstance(_full_shopify_order_payload, Unset):
            full_shopify_order_payload = UNSET
        else:
            full_shopify_order_payload = FreeFormObject.from_dict(
                _full_shopify_order_payload
            )

        shopify_additional_order_data = cls(
            full_shopify_order_headers=full_shopify_order_headers,
            full_shopify_order_payload=full_shopify_order_payload,
        )

        shopify_additional_order_data.additional_properties = d
        return shopify_additional_order_data

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
