from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.basic_item_data_type import BasicItemDataType, check_basic_item_data_type
from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount
    from ..models.discount import Discount


T = TypeVar("T", bound="BasicItemData")


@_attrs_define(repr=False)
class BasicItemData:
    """What the item is, what it costs and how many were bought. Forter requires name, quantity and price.

    Attributes:
        name (str):
        price (Amount): An amount of money as decimal strings (never floats): amountLocalCurrency with its ISO 4217
            currency, and optionally amountUSD. Some senders give amountUSD with its currency and no amountLocalCurrency.
        quantity (int): Units bought. Forter's Magento 2 plugin sends it as a JSON number with a zero fraction (2.0),
            which is still an integer in JSON Schema.
        discount (Discount | Unset): A coupon or discount applied to the order or an item.
        type_ (BasicItemDataType | Unset):
        product_id (str | Unset):
        category (None | str | Unset):
        value (Amount | Unset): An amount of money as decimal strings (never floats): amountLocalCurrency with its ISO
            4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
            amountLocalCurrency.
        product_id_type (str | Unset): What kind of product id productId is (Magento sends the product type, e.g.
            simple).
    """

    name: str
    price: Amount
    quantity: int
    discount: Discount | Unset = UNSET
    type_: BasicItemDataType | Unset = UNSET
    product_id: str | Unset = UNSET
    category: None | str | Unset = UNSET
    value: Amount | Unset = UNSET
    product_id_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.discount import Discount  # noqa: PLC0415

        name = self.name

        price = self.price.to_dict()

        quantity = self.quantity

        discount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.discount, Unset):
            discount = self.discount.to_dict()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        product_id = self.product_id

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        value: dict[str, Any] | Unset = UNSET
        if not isinstance(self.value, Unset):
            value = self.value.to_dict()

        product_id_type = self.product_id_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "price": price,
                "quantity": quantity,
            }
        )
        if discount is not UNSET:
            field_dict["discount"] = discount
        if type_ is not UNSET:
            field_dict["type"] = type_
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if category is not UNSET:
            field_dict["category"] = category
        if value is not UNSET:
            field_dict["value"] = value
        if product_id_type is not UNSET:
            field_dict["productIdType"] = product_id_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.discount import Discount  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        price = Amount.from_dict(d.pop("price"))

        quantity = d.pop("quantity")

        _discount = d.pop("discount", UNSET)
        discount: Discount | Unset
        if isinstance(_discount, Unset):
            discount = UNSET
        else:
            discount = Discount.from_dict(_discount)

        _type_ = d.pop("type", UNSET)
        type_: BasicItemDataType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_basic_item_data_type(_type_)

        product_id = d.pop("productId", UNSET)

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        _value = d.pop("value", UNSET)
        value: Amount | Unset
        if isinstance(_value, Unset):
            value = UNSET
        else:
            value = Amount.from_dict(_value)

        product_id_type = d.pop("productIdType", UNSET)

        basic_item_data = cls(
            name=name,
            price=price,
            quantity=quantity,
            discount=discount,
            type_=type_,
            product_id=product_id,
            category=category,
            value=value,
            product_id_type=product_id_type,
        )

        basic_item_data.additional_properties = d
        return basic_item_data

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
