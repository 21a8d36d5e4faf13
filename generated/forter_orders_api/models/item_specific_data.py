from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.accommodation import Accommodation
    from ..models.digital_goods_and_services import DigitalGoodsAndServices
    from ..models.food import Food
    from ..models.free_form_object import FreeFormObject
    from ..models.gaming import Gaming
    from ..models.physical_goods import PhysicalGoods
    from ..models.professional_services import ProfessionalServices
    from ..models.tickets_and_events import TicketsAndEvents
    from ..models.transport import Transport


T = TypeVar("T", bound="ItemSpecificData")


@_attrs_define(repr=False)
class ItemSpecificData:
    """Vertical-specific details of the cart item (travel, food, tickets, gaming, ...).

    Attributes:
        accommodation (Accommodation | Unset): A hotel or other stay bought in the cart item
            (itemSpecificData.accommodation).
        cryptocurrency (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor, gateway
            and platform payloads, whose members are defined by the sending system).
        digital_goods_and_services (DigitalGoodsAndServices | Unset): A digital good or service bought in the cart item.
        food (Food | Unset): A food order bought in the cart item (restaurant, tip).
        gaming (Gaming | Unset): An in-game item bought in the cart item.
        physical_goods (PhysicalGoods | Unset): Details of a physical item (gift wrap, color, weight).
        professional_services (ProfessionalServices | Unset): A professional service bought in the cart item.
        tickets_and_events (TicketsAndEvents | Unset): A ticket for an event, bought in the cart item.
        transport (list[Transport] | Unset):
    """

    accommodation: Accommodation | Unset = UNSET
    cryptocurrency: FreeFormObject | Unset = UNSET
    digital_goods_and_services: DigitalGoodsAndServices | Unset = UNSET
    food: Food | Unset = UNSET
    gaming: Gaming | Unset = UNSET
    physical_goods: PhysicalGoods | Unset = UNSET
    professional_services: ProfessionalServices | Unset = UNSET
    tickets_and_events: TicketsAndEvents | Unset = UNSET
    transport: list[Transport] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.accommodation import Accommodation  # noqa: PLC0415
        from ..models.digital_goods_and_services import DigitalGoodsAndServices  # noqa: PLC0415
        from ..models.food import Food  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.gaming import Gaming  # noqa: PLC0415
        from ..models.physical_goods import PhysicalGoods  # noqa: PLC0415
        from ..models.professional_services import ProfessionalServices  # noqa: PLC0415
        from ..models.tickets_and_events import TicketsAndEvents  # noqa: PLC0415
        from ..models.transport import Transport  # noqa: PLC0415

        accommodation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accommodation, Unset):
            accommodation = self.accommodation.to_dict()

        cryptocurrency: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cryptocurrency, Unset):
            cryptocurrency = self.cryptocurrency.to_dict()

        digital_goods_and_services: dict[str, Any] | Unset = UNSET
        if not isinstance(self.digital_goods_and_services, Unset):
            digital_goods_and_services = self.digital_goods_and_services.to_dict()

        food: dict[str, Any] | Unset = UNSET
        if not isinstance(self.food, Unset):
            food = self.food.to_dict()

        gaming: dict[str, Any] | Unset = UNSET
        if not isinstance(self.gaming, Unset):
            gaming = self.gaming.to_dict()

        physical_goods: dict[str, Any] | Unset = UNSET
        if not isinstance(self.physical_goods, Unset):
            physical_goods = self.physical_goods.to_dict()

        professional_services: dict[str, Any] | Unset = UNSET
        if not isinstance(self.professional_services, Unset):
            professional_services = self.professional_services.to_dict()

        tickets_and_events: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tickets_and_events, Unset):
            tickets_and_events = self.tickets_and_events.to_dict()

        transport: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transport, Unset):
            transport = []
            for transport_item_data in self.transport:
                transport_item = transport_item_data.to_dict()
                transport.append(transport_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if accommodation is not UNSET:
            field_dict["accommodation"] = accommodation
        if cryptocurrency is not UNSET:
            field_dict["cryptocurrency"] = cryptocurrency
        if digital_goods_and_services is not UNSET:
            field_dict["digitalGoodsAndServices"] = digital_goods_and_services
        if food is not UNSET:
            field_dict["food"] = food
        if gaming is not UNSET:
            field_dict["gaming"] = gaming
        if physical_goods is not UNSET:
            field_dict["physicalGoods"] = physical_goods
        if professional_services is not UNSET:
            field_dict["professionalServices"] = professional_services
        if tickets_and_events is not UNSET:
            field_dict["ticketsAndEvents"] = tickets_and_events
        if transport is not UNSET:
            field_dict["transport"] = transport

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.accommodation import Accommodation  # noqa: PLC0415
        from ..models.digital_goods_and_services import DigitalGoodsAndServices  # noqa: PLC0415
        from ..models.food import Food  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.gaming import Gaming  # noqa: PLC0415
        from ..models.physical_goods import PhysicalGoods  # noqa: PLC0415
        from ..models.professional_services import ProfessionalServices  # noqa: PLC0415
        from ..models.tickets_and_events import TicketsAndEvents  # noqa: PLC0415
        from ..models.transport import Transport  # noqa: PLC0415

        d = dict(src_dict)
        _accommodation = d.pop("accommodation", UNSET)
        accommodation: Accommodation | Unset
        if isinstance(_accommodation, Unset):
            accommodation = UNSET
        else:
            accommodation = Accommodation.from_dict(_accommodation)

        _cryptocurrency = d.pop("cryptocurrency", UNSET)
        cryptocurrency: FreeFormObject | Unset
        if isinstance(_cryptocurrency, Unset):
            cryptocurrency = UNSET
        else:
            cryptocurrency = FreeFormObject.from_dict(_cryptocurrency)

        _digital_goods_and_services = d.pop("digitalGoodsAndServices", UNSET)
        digital_goods_and_services: DigitalGoodsAndServices | Unset
        if isinstance(_digital_goods_and_services, Unset):
            digital_goods_and_services = UNSET
        else:
            digital_goods_and_services = DigitalGoodsAndServices.from_dict(
                _digital_goods_and_services
            )

        _food = d.pop("food", UNSET)
        food: Food | Unset
        if isinstance(_food, Unset):
            food = UNSET
        else:
            food = Food.from_dict(_food)

        _gaming = d.pop("gaming", UNSET)
        gaming: Gaming | Unset
        if isinstance(_gaming, Unset):
            gaming = UNSET
        else:
            gaming = Gaming.from_dict(_gaming)

        _physical_goods = d.pop("physicalGoods", UNSET)
        physical_goods: PhysicalGoods | Unset
        if isinstance(_physical_goods, Unset):
            physical_goods = UNSET
        else:
            physical_goods = PhysicalGoods.from_dict(_physical_goods)

        _professional_services = d.pop("professionalServices", UNSET)
        professional_services: ProfessionalServices | Unset
        if isinstance(_professional_services, Unset):
            professional_services = UNSET
        else:
            professional_services = ProfessionalServices.from_dict(
                _professional_services
            )

        _tickets_and_events = d.pop("ticketsAndEvents", UNSET)
        tickets_and_events: TicketsAndEvents | Unset
        if isinstance(_tickets_and_events, Unset):
            tickets_and_events = UNSET
        else:
            tickets_and_events = TicketsAndEvents.from_dict(_tickets_and_events)

        _transport = d.pop("transport", UNSET)
        transport: list[Transport] | Unset = UNSET
        if _transport is not UNSET:
            transport = []
            for transport_item_data in _transport:
                transport_item = Transport.from_dict(transport_item_data)

                transport.append(transport_item)

        item_specific_data = cls(
            accommodation=accommodation,
            cryptocurrency=cryptocurrency,
            digital_goods_and_services=digital_goods_and_services,
            food=food,
            gaming=gaming,
            physical_goods=physical_goods,
            professional_services=professional_services,
            tickets_and_events=tickets_and_events,
            transport=transport,
        )

        item_specific_data.additional_properties = d
        return item_specific_data

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
