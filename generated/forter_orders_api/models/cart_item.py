from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.basic_item_data import BasicItemData
    from ..models.delivery_details import DeliveryDetails
    from ..models.item_return_data import ItemReturnData
    from ..models.item_specific_data import ItemSpecificData
    from ..models.recipient import Recipient
    from ..models.seller import Seller
    from ..models.shopify_additional_item_data import ShopifyAdditionalItemData


T = TypeVar("T", bound="CartItem")


@_attrs_define(repr=False)
class CartItem:
    """One line of the cart. Forter requires basicItemData.

    Attributes:
        basic_item_data (BasicItemData): What the item is, what it costs and how many were bought. Forter requires name,
            quantity and price.
        beneficiaries (list[Recipient] | Unset):
        delivery_details (DeliveryDetails | Unset): How the order (or one item) is delivered, and at what price.
        item_return_data (ItemReturnData | Unset): A returned item, for point-of-sale returns.
        item_specific_data (ItemSpecificData | Unset): Vertical-specific details of the cart item (travel, food,
            tickets, gaming, ...).
        seller (Seller | Unset): The marketplace seller of the item.
        shopify_additional_item_data (ShopifyAdditionalItemData | Unset): Shopify line-item properties passed through.
        created (int | None | Unset): When the item was added, Unix epoch seconds (null before the order is saved).
    """

    basic_item_data: BasicItemData
    beneficiaries: list[Recipient] | Unset = UNSET
    delivery_details: DeliveryDetails | Unset = UNSET
    item_return_data: ItemReturnData | Unset = UNSET
    item_specific_data: ItemSpecificData | Unset = UNSET
    seller: Seller | Unset = UNSET
    shopify_additional_item_data: ShopifyAdditionalItemData | Unset = UNSET
    created: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.basic_item_data import BasicItemData  # noqa: PLC0415
        from ..models.delivery_details import DeliveryDetails  # noqa: PLC0415
        from ..models.item_return_data import ItemReturnData  # noqa: PLC0415
        from ..models.item_specific_data import ItemSpecificData  # noqa: PLC0415
        from ..models.recipient import Recipient  # noqa: PLC0415
        from ..models.seller import Seller  # noqa: PLC0415
        from ..models.shopify_additional_item_data import ShopifyAdditionalItemData  # noqa: PLC0415

        basic_item_data = self.basic_item_data.to_dict()

        beneficiaries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.beneficiaries, Unset):
            beneficiaries = []
            for beneficiaries_item_data in self.beneficiaries:
                beneficiaries_item = beneficiaries_item_data.to_dict()
                beneficiaries.append(beneficiaries_item)

        delivery_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.delivery_details, Unset):
            delivery_details = self.delivery_details.to_dict()

        item_return_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.item_return_data, Unset):
            item_return_data = self.item_return_data.to_dict()

        item_specific_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.item_specific_data, Unset):
            item_specific_data = self.item_specific_data.to_dict()

        seller: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seller, Unset):
            seller = self.seller.to_dict()

        shopify_additional_item_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shopify_additional_item_data, Unset):
            shopify_additional_item_data = self.shopify_additional_item_data.to_dict()

        created: int | None | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        else:
            created = self.created

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "basicItemData": basic_item_data,
            }
        )
        if beneficiaries is not UNSET:
            field_dict["beneficiaries"] = beneficiaries
        if delivery_details is not UNSET:
            field_dict["deliveryDetails"] = delivery_details
        if item_return_data is not UNSET:
            field_dict["itemReturnData"] = item_return_data
        if item_specific_data is not UNSET:
            field_dict["itemSpecificData"] = item_specific_data
        if seller is not UNSET:
            field_dict["seller"] = seller
        if shopify_additional_item_data is not UNSET:
            field_dict["shopifyAdditionalItemData"] = shopify_additional_item_data
        if created is not UNSET:
            field_dict["created"] = created

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.basic_item_data import BasicItemData  # noqa: PLC0415
        from ..models.delivery_details import DeliveryDetails  # noqa: PLC0415
        from ..models.item_return_data import ItemReturnData  # noqa: PLC0415
        from ..models.item_specific_data import ItemSpecificData  # noqa: PLC0415
        from ..models.recipient import Recipient  # noqa: PLC0415
        from ..models.seller import Seller  # noqa: PLC0415
        from ..models.shopify_additional_item_data import ShopifyAdditionalItemData  # noqa: PLC0415

        d = dict(src_dict)
        basic_item_data = BasicItemData.from_dict(d.pop("basicItemData"))

        _beneficiaries = d.pop("beneficiaries", UNSET)
        beneficiaries: list[Recipient] | Unset = UNSET
        if _beneficiaries is not UNSET:
            beneficiaries = []
            for beneficiaries_item_data in _beneficiaries:
                beneficiaries_item = Recipient.from_dict(beneficiaries_item_data)

                beneficiaries.append(beneficiaries_item)

        _delivery_details = d.pop("deliveryDetails", UNSET)
        delivery_details: DeliveryDetails | Unset
        if isinstance(_delivery_details, Unset):
            delivery_details = UNSET
        else:
            delivery_details = DeliveryDetails.from_dict(_delivery_details)

        _item_return_data = d.pop("itemReturnData", UNSET)
        item_return_data: ItemReturnData | Unset
        if isinstance(_item_return_data, Unset):
            item_return_data = UNSET
        else:
            item_return_data = ItemReturnData.from_dict(_item_return_data)

        _item_specific_data = d.pop("itemSpecificData", UNSET)
        item_specific_data: ItemSpecificData | Unset
        if isinstance(_item_specific_data, Unset):
            item_specific_data = UNSET
        else:
            item_specific_data = ItemSpecificData.from_dict(_item_specific_data)

        _seller = d.pop("seller", UNSET)
        seller: Seller | Unset
        if isinstance(_seller, Unset):
            seller = UNSET
        else:
            seller = Seller.from_dict(_seller)

        _shopify_additional_item_data = d.pop("shopifyAdditionalItemData", UNSET)
        shopify_additional_item_data: ShopifyAdditionalItemData | Unset
        if isinstance(_shopify_additional_item_data, Unset):
            shopify_additional_item_data = UNSET
        else:
            shopify_additional_item_data = ShopifyAdditionalItemData.from_dict(
                _shopify_additional_item_data
            )

        def _parse_created(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created = _parse_created(d.pop("created", UNSET))

        cart_item = cls(
            basic_item_data=basic_item_data,
            beneficiaries=beneficiaries,
            delivery_details=delivery_details,
            item_return_data=item_return_data,
            item_specific_data=item_specific_data,
            seller=seller,
            shopify_additional_item_data=shopify_additional_item_data,
            created=created,
        )

        cart_item.additional_properties = d
        return cart_item

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
