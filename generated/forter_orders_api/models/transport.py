from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.duration import Duration
    from ..models.seller_details import SellerDetails
    from ..models.transport_location import TransportLocation


T = TypeVar("T", bound="Transport")


@_attrs_define(repr=False)
class Transport:
    """A ride or trip bought in the cart item, with its driver and route.

    Attributes:
        driver_details (SellerDetails | Unset): A marketplace seller or a driver: account age, ratings, funds and
            logins.
        duration (Duration | Unset): A period: dates for stays and subscriptions, an epoch start time for transport.
        end_point (TransportLocation | Unset): A point of a trip: address, exact and rough location, saved location.
        location_at_time_of_reservation (TransportLocation | Unset): A point of a trip: address, exact and rough
            location, saved location.
        start_point (TransportLocation | Unset): A point of a trip: address, exact and rough location, saved location.
        type_ (str | Unset): Open set; known values: AIR_TRAVEL. Note: Forter's example value "air travel"; full list
            unknown.
    """

    driver_details: SellerDetails | Unset = UNSET
    duration: Duration | Unset = UNSET
    end_point: TransportLocation | Unset = UNSET
    location_at_time_of_reservation: TransportLocation | Unset = UNSET
    start_point: TransportLocation | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.duration import Duration  # noqa: PLC0415
        from ..models.seller_details import SellerDetails  # noqa: PLC0415
        from ..models.transport_location import TransportLocation  # noqa: PLC0415

        driver_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.driver_details, Unset):
            driver_details = self.driver_details.to_dict()

        duration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration.to_dict()

        end_point: dict[str, Any] | Unset = UNSET
        if not isinstance(self.end_point, Unset):
            end_point = self.end_point.to_dict()

        location_at_time_of_reservation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location_at_time_of_reservation, Unset):
            location_at_time_of_reservation = (
                self.location_at_time_of_reservation.to_dict()
            )

        start_point: dict[str, Any] | Unset = UNSET
        if not isinstance(self.start_point, Unset):
            start_point = self.start_point.to_dict()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if driver_details is not UNSET:
            field_dict["driverDetails"] = driver_details
        if duration is not UNSET:
            field_dict["duration"] = duration
        if end_point is not UNSET:
            field_dict["endPoint"] = end_point
        if location_at_time_of_reservation is not UNSET:
            field_dict["locationAtTimeOfReservation"] = location_at_time_of_reservation
        if start_point is not UNSET:
            field_dict["startPoint"] = start_point
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duration import Duration  # noqa: PLC0415
        from ..models.seller_details import SellerDetails  # noqa: PLC0415
        from ..models.transport_location import TransportLocation  # noqa: PLC0415

        d = dict(src_dict)
        _driver_details = d.pop("driverDetails", UNSET)
        driver_details: SellerDetails | Unset
        if isinstance(_driver_details, Unset):
            driver_details = UNSET
        else:
            driver_details = SellerDetails.from_dict(_driver_details)

        _duration = d.pop("duration", UNSET)
        duration: Duration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = Duration.from_dict(_duration)

        _end_point = d.pop("endPoint", UNSET)
        end_point: TransportLocation | Unset
        if isinstance(_end_point, Unset):
            end_point = UNSET
        else:
            end_point = TransportLocation.from_dict(_end_point)

        _location_at_time_of_reservation = d.pop("locationAtTimeOfReservation", UNSET)
        location_at_time_of_reservation: TransportLocation | Unset
        if isinstance(_location_at_time_of_reservation, Unset):
            location_at_time_of_reservation = UNSET
        else:
            location_at_time_of_reservation = TransportLocation.from_dict(
                _location_at_time_of_reservation
            )

        _start_point = d.pop("startPoint", UNSET)
        start_point: TransportLocation | Unset
        if isinstance(_start_point, Unset):
            start_point = UNSET
        else:
            start_point = TransportLocation.from_dict(_start_point)

        type_ = d.pop("type", UNSET)

        transport = cls(
            driver_details=driver_details,
            duration=duration,
            end_point=end_point,
            location_at_time_of_reservation=location_at_time_of_reservation,
            start_point=start_point,
            type_=type_,
        )

        transport.additional_properties = d
        return transport

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
