from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.duration import Duration
    from ..models.free_form_object import FreeFormObject
    from ..models.rating import Rating


T = TypeVar("T", bound="Accommodation")


@_attrs_define(repr=False)
class Accommodation:
    """A hotel or other stay bought in the cart item (itemSpecificData.accommodation).

    Attributes:
        accommodation_address (Address | Unset): A postal address; used for billing, delivery, accounts, venues and
            employers.
        duration (Duration | Unset): A period: dates for stays and subscriptions, an epoch start time for transport.
        location (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor, gateway and
            platform payloads, whose members are defined by the sending system).
        number_of_guests (int | Unset):
        rating (list[Rating] | Unset):
        type_ (str | Unset): Open set; known values: HOTEL. Note: Forter's example value "hotel"; full list unknown.
    """

    accommodation_address: Address | Unset = UNSET
    duration: Duration | Unset = UNSET
    location: FreeFormObject | Unset = UNSET
    number_of_guests: int | Unset = UNSET
    rating: list[Rating] | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.duration import Duration  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.rating import Rating  # noqa: PLC0415

        accommodation_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accommodation_address, Unset):
            accommodation_address = self.accommodation_address.to_dict()

        duration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration.to_dict()

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        number_of_guests = self.number_of_guests

        rating: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rating, Unset):
            rating = []
            for rating_item_data in self.rating:
                rating_item = rating_item_data.to_dict()
                rating.append(rating_item)

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if accommodation_address is not UNSET:
            field_dict["accommodationAddress"] = accommodation_address
        if duration is not UNSET:
            field_dict["duration"] = duration
        if location is not UNSET:
            field_dict["location"] = location
        if number_of_guests is not UNSET:
            field_dict["numberOfGuests"] = number_of_guests
        if rating is not UNSET:
            field_dict["rating"] = rating
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.duration import Duration  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.rating import Rating  # noqa: PLC0415

        d = dict(src_dict)
        _accommodation_address = d.pop("accommodationAddress", UNSET)
        accommodation_address: Address | Unset
        if isinstance(_accommodation_address, Unset):
            accommodation_address = UNSET
        else:
            accommodation_address = Address.from_dict(_accommodation_address)

        _duration = d.pop("duration", UNSET)
        duration: Duration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = Duration.from_dict(_duration)

        _location = d.pop("location", UNSET)
        location: FreeFormObject | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = FreeFormObject.from_dict(_location)

        number_of_guests = d.pop("numberOfGuests", UNSET)

        _rating = d.pop("rating", UNSET)
        rating: list[Rating] | Unset = UNSET
        if _rating is not UNSET:
            rating = []
            for rating_item_data in _rating:
                rating_item = Rating.from_dict(rating_item_data)

                rating.append(rating_item)

        type_ = d.pop("type", UNSET)

        accommodation = cls(
            accommodation_address=accommodation_address,
            duration=duration,
            location=location,
            number_of_guests=number_of_guests,
            rating=rating,
            type_=type_,
        )

        accommodation.additional_properties = d
        return accommodation

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
