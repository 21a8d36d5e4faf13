from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="GeoLocation")


@_attrs_define(repr=False)
class GeoLocation:
    """A point on the map in decimal degrees and where it came from.

    Attributes:
        latitude (float | Unset): Decimal degrees.
        longitude (float | Unset): Decimal degrees.
        source (str | Unset): Open set; known values: MOBILE. Note: Forter's example value "mobile"; full list unknown.
    """

    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    source: str | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        latitude = self.latitude

        longitude = self.longitude

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        source = d.pop("source", UNSET)

        geo_location = cls(
            latitude=latitude,
            longitude=longitude,
            source=source,
        )

        return geo_location
