from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.update_times import UpdateTimes


T = TypeVar("T", bound="IpRecord")


@_attrs_define(repr=False)
class IpRecord:
    """An IP address with when it was seen.

    Attributes:
        ip (str | Unset): IPv4/IPv6 address. Note: single word; could in theory be IP.
        update_times (UpdateTimes | Unset): When something was created, modified, last used or removed (epoch seconds).
    """

    ip: str | Unset = UNSET
    update_times: UpdateTimes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.update_times import UpdateTimes  # noqa: PLC0415

        ip = self.ip

        update_times: dict[str, Any] | Unset = UNSET
        if not isinstance(self.update_times, Unset):
            update_times = self.update_times.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ip is not UNSET:
            field_dict["ip"] = ip
        if update_times is not UNSET:
            field_dict["updateTimes"] = update_times

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_times import UpdateTimes  # noqa: PLC0415

        d = dict(src_dict)
        ip = d.pop("ip", UNSET)

        _update_times = d.pop("updateTimes", UNSET)
        update_times: UpdateTimes | Unset
        if isinstance(_update_times, Unset):
            update_times = UNSET
        else:
            update_times = UpdateTimes.from_dict(_update_times)

        ip_record = cls(
            ip=ip,
            update_times=update_times,
        )

        ip_record.additional_properties = d
        return ip_record

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
