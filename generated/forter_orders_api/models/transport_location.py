from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.free_form_object import FreeFormObject
    from ..models.geo_location import GeoLocation
    from ..models.saved_data import SavedData


T = TypeVar("T", bound="TransportLocation")


@_attrs_define(repr=False)
class TransportLocation:
    """A point of a trip: address, exact and rough location, saved location.

    Attributes:
        address (Address | Unset): A postal address; used for billing, delivery, accounts, venues and employers.
        exact_location (GeoLocation | Unset): A point on the map in decimal degrees and where it came from.
        location_name (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor, gateway
            and platform payloads, whose members are defined by the sending system).
        rough_location (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor, gateway
            and platform payloads, whose members are defined by the sending system).
        saved_location (SavedData | Unset): Whether the customer used data saved in the account.
    """

    address: Address | Unset = UNSET
    exact_location: GeoLocation | Unset = UNSET
    location_name: FreeFormObject | Unset = UNSET
    rough_location: FreeFormObject | Unset = UNSET
    saved_location: SavedData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.geo_location import GeoLocation  # noqa: PLC0415
        from ..models.saved_data import SavedData  # noqa: PLC0415

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        exact_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.exact_location, Unset):
            exact_location = self.exact_location.to_dict()

        location_name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location_name, Unset):
            location_name = self.location_name.to_dict()

        rough_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rough_location, Unset):
            rough_location = self.rough_location.to_dict()

        saved_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.saved_location, Unset):
            saved_location = self.saved_location.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if exact_location is not UNSET:
            field_dict["exactLocation"] = exact_location
        if location_name is not UNSET:
            field_dict["locationName"] = location_name
        if rough_location is not UNSET:
            field_dict["roughLocation"] = rough_location
        if saved_location is not UNSET:
            field_dict["savedLocation"] = saved_location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.geo_location import GeoLocation  # noqa: PLC0415
        from ..models.saved_data import SavedData  # noqa: PLC0415

        d = dict(src_dict)
        _address = d.pop("address", UNSET)
        address: Address | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = Address.from_dict(_address)

        _exact_location = d.pop("exactLocation", UNSET)
        exact_location: GeoLocation | Unset
        if isinstance(_exact_location, Unset):
            exact_location = UNSET
        else:
            exact_location = GeoLocation.from_dict(_exact_location)

        _location_name = d.pop("locationName", UNSET)
        location_name: FreeFormObject | Unset
        if isinstance(_location_name, Unset):
            location_name = UNSET
        else:
            location_name = FreeFormObject.from_dict(_location_name)

        _rough_location = d.pop("roughLocation", UNSET)
        rough_location: FreeFormObject | Unset
        if isinstance(_rough_location, Unset):
            rough_location = UNSET
        else:
            rough_location = FreeFormObject.from_dict(_rough_location)

        _saved_location = d.pop("savedLocation", UNSET)
        saved_location: SavedData | Unset
        if isinstance(_saved_location, Unset):
            saved_location = UNSET
        else:
            saved_location = SavedData.from_dict(_saved_location)

        transport_location = cls(
            address=address,
            exact_location=exact_location,
            location_name=location_name,
            rough_location=rough_location,
            saved_location=saved_location,
        )

        transport_location.additional_properties = d
        return transport_location

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
