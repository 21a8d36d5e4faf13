from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="MagentoAdditionalOrderData")


@_attrs_define(repr=False)
class MagentoAdditionalOrderData:
    """Magento-specific data about the order. Free-form: members beyond the ones listed are passed through.

    Attributes:
        magento_order_stage (str | Unset): When the plugin sent the order (e.g. BEFORE_PAYMENT_ACTION,
            AFTER_PAYMENT_ACTION, CRON).
    """

    magento_order_stage: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        magento_order_stage = self.magento_order_stage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if magento_order_stage is not UNSET:
            field_dict["magentoOrderStage"] = magento_order_stage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        magento_order_stage = d.pop("magentoOrderStage", UNSET)

        magento_additional_order_data = cls(
            magento_order_stage=magento_order_stage,
        )

        magento_additional_order_data.additional_properties = d
        return magento_additional_order_data

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
