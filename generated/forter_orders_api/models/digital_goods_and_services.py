from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.duration import Duration
    from ..models.web_hosting import WebHosting


T = TypeVar("T", bound="DigitalGoodsAndServices")


@_attrs_define(repr=False)
class DigitalGoodsAndServices:
    """A digital good or service bought in the cart item.

    Attributes:
        duration (Duration | Unset): A period: dates for stays and subscriptions, an epoch start time for transport.
        web_hosting (WebHosting | Unset): Web-hosting details (domains) of a digital service.
    """

    duration: Duration | Unset = UNSET
    web_hosting: WebHosting | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.duration import Duration  # noqa: PLC0415
        from ..models.web_hosting import WebHosting  # noqa: PLC0415

        duration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration.to_dict()

        web_hosting: dict[str, Any] | Unset = UNSET
        if not isinstance(self.web_hosting, Unset):
            web_hosting = self.web_hosting.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if duration is not UNSET:
            field_dict["duration"] = duration
        if web_hosting is not UNSET:
            field_dict["webHosting"] = web_hosting

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duration import Duration  # noqa: PLC0415
        from ..models.web_hosting import WebHosting  # noqa: PLC0415

        d = dict(src_dict)
        _duration = d.pop("duration", UNSET)
        duration: Duration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = Duration.from_dict(_duration)

        _web_hosting = d.pop("webHosting", UNSET)
        web_hosting: WebHosting | Unset
        if isinstance(_web_hosting, Unset):
            web_hosting = UNSET
        else:
            web_hosting = WebHosting.from_dict(_web_hosting)

        digital_goods_and_services = cls(
            duration=duration,
            web_hosting=web_hosting,
        )

        digital_goods_and_services.additional_properties = d
        return digital_goods_and_services

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
