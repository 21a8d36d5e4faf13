from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="TicketsAndEvents")


@_attrs_define(repr=False)
class TicketsAndEvents:
    """A ticket for an event, bought in the cart item.

    Attributes:
        event_location (Address | Unset): A postal address; used for billing, delivery, accounts, venues and employers.
        event_name (str | Unset):
    """

    event_location: Address | Unset = UNSET
    event_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415

        event_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_location, Unset):
            event_location = self.event_location.to_dict()

        event_name = self.event_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_location is not UNSET:
            field_dict["eventLocation"] = event_location
        if event_name is not UNSET:
            field_dict["eventName"] = event_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        _event_location = d.pop("eventLocation", UNSET)
        event_location: Address | Unset
        if isinstance(_event_location, Unset):
            event_location = UNSET
        else:
            event_location = Address.from_dict(_event_location)

        event_name = d.pop("eventName", UNSET)

        tickets_and_events = cls(
            event_location=event_location,
            event_name=event_name,
        )

        tickets_and_events.additional_properties = d
        return tickets_and_events

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
