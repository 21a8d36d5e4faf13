from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount
    from ..models.free_form_object import FreeFormObject
    from ..models.magento_additional_order_data import MagentoAdditionalOrderData
    from ..models.merchant_identifiers import MerchantIdentifiers
    from ..models.shopify_additional_order_data import ShopifyAdditionalOrderData


T = TypeVar("T", bound="AdditionalIdentifiers")


@_attrs_define(repr=False)
class AdditionalIdentifiers:
    """Merchant-side and platform ids that help Forter link the order to other systems.

    Attributes:
        big_commerce_additional_order_data (FreeFormObject | Unset): A free-form object passed through to Forter as is
            (processor, gateway and platform payloads, whose members are defined by the sending system).
        hybris_additional_order_data (FreeFormObject | Unset): A free-form object passed through to Forter as is
            (processor, gateway and platform payloads, whose members are defined by the sending system).
        magento_additional_order_data (MagentoAdditionalOrderData | Unset): Magento-specific data about the order. Free-
            form: members beyond the ones listed are passed through.
        merchant (MerchantIdentifiers | Unset): The store the order was placed in (multi-store platforms). Free-form:
            members beyond the ones listed are passed through.
        shopify_additional_order_data (ShopifyAdditionalOrderData | Unset): The Shopify order headers and payload passed
            through.
        split_order_total_amount (Amount | Unset): An amount of money as decimal strings (never floats):
            amountLocalCurrency with its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its
            currency and no amountLocalCurrency.
        additional_order_id (None | str | Unset):
        payment_gateway_id (str | Unset):
        order_segment (str | Unset):
        portal_display_custom_field_1 (str | Unset):
        portal_display_custom_field_2 (str | Unset):
        portal_display_custom_field_3 (str | Unset):
        portal_display_custom_field_4 (str | Unset):
        split_order_ids (list[str] | Unset): Ids of the orders this order was split into (strings, e.g. "6543545").
        customer_referral_method (str | Unset):
        customer_referral_name (str | Unset):
    """

    big_commerce_additional_order_data: FreeFormObject | Unset = UNSET
    hybris_additional_order_data: FreeFormObject | Unset = UNSET
    magento_additional_order_data: MagentoAdditionalOrderData | Unset = UNSET
    merchant: MerchantIdentifiers | Unset = UNSET
    shopify_additional_order_data: ShopifyAdditionalOrderData | Unset = UNSET
    split_order_total_amount: Amount | Unset = UNSET
    additional_order_id: None | str | Unset = UNSET
    payment_gateway_id: str | Unset = UNSET
    order_segment: str | Unset = UNSET
    portal_display_custom_field_1: str | Unset = UNSET
    portal_display_custom_field_2: str | Unset = UNSET
    portal_display_custom_field_3: str | Unset = UNSET
    portal_display_custom_field_4: str | Unset = UNSET
    split_order_ids: list[str] | Unset = UNSET
    customer_referral_method: str | Unset = UNSET
    customer_referral_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.magento_additional_order_data import MagentoAdditionalOrderData  # noqa: PLC0415
        from ..models.merchant_identifiers import MerchantIdentifiers  # noqa: PLC0415
        from ..models.shopify_additional_order_data import ShopifyAdditionalOrderData  # noqa: PLC0415

        big_commerce_additional_order_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.big_commerce_additional_order_data, Unset):
            big_commerce_additional_order_data = (
                self.big_commerce_additional_order_data.to_dict()
            )

        hybris_additional_order_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hybris_additional_order_data, Unset):
            hybris_additional_order_data = self.hybris_additional_order_data.to_dict()

        magento_additional_order_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.magento_additional_order_data, Unset):
            magento_additional_order_data = self.magento_additional_order_data.to_dict()

        merchant: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant, Unset):
            merchant = self.merchant.to_dict()

        shopify_additional_order_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shopify_additional_order_data, Unset):
            shopify_additional_order_data = self.shopify_additional_order_data.to_dict()

        split_order_total_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.split_order_total_amount, Unset):
            split_order_total_amount = self.split_order_total_amount.to_dict()

        additional_order_id: None | str | Unset
        if isinstance(self.additional_order_id, Unset):
            additional_order_id = UNSET
        else:
            additional_order_id = self.additional_order_id

        payment_gateway_id = self.payment_gateway_id

        order_segment = self.order_segment

        portal_display_custom_field_1 = self.portal_display_custom_field_1

        portal_display_custom_field_2 = self.portal_display_custom_field_2

        portal_display_custom_field_3 = self.portal_display_custom_field_3

        portal_display_custom_field_4 = self.portal_display_custom_field_4

        split_order_ids: list[str] | Unset = UNSET
        if not isinstance(self.split_order_ids, Unset):
            split_order_ids = self.split_order_ids

        customer_referral_method = self.customer_referral_method

        customer_referral_name = self.customer_referral_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if big_commerce_additional_order_data is not UNSET:
            field_dict["bigCommerceAdditionalOrderData"] = (
                big_commerce_additional_order_data
            )
        if hybris_additional_order_data is not UNSET:
            field_dict["hybrisAdditionalOrderData"] = hybris_additional_order_data
        if magento_additional_order_data is not UNSET:
            field_dict["magentoAdditionalOrderData"] = magento_additional_order_data
        if merchant is not UNSET:
            field_dict["merchant"] = merchant
        if shopify_additional_order_data is not UNSET:
            field_dict["shopifyAdditionalOrderData"] = shopify_additional_order_data
        if split_order_total_amount is not UNSET:
            field_dict["splitOrderTotalAmount"] = split_order_total_amount
        if additional_order_id is not UNSET:
            field_dict["additionalOrderId"] = additional_order_id
        if payment_gateway_id is not UNSET:
            field_dict["paymentGatewayId"] = payment_gateway_id
        if order_segment is not UNSET:
            field_dict["orderSegment"] = order_segment
        if portal_display_custom_field_1 is not UNSET:
            field_dict["portalDisplayCustomField1"] = portal_display_custom_field_1
        if portal_display_custom_field_2 is not UNSET:
            field_dict["portalDisplayCustomField2"] = portal_display_custom_field_2
        if portal_display_custom_field_3 is not UNSET:
            field_dict["portalDisplayCustomField3"] = portal_display_custom_field_3
        if portal_display_custom_field_4 is not UNSET:
            field_dict["portalDisplayCustomField4"] = portal_display_custom_field_4
        if split_order_ids is not UNSET:
            field_dict["splitOrderIds"] = split_order_ids
        if customer_referral_method is not UNSET:
            field_dict["customerReferralMethod"] = customer_referral_method
        if customer_referral_name is not UNSET:
            field_dict["customerReferralName"] = customer_referral_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.magento_additional_order_data import MagentoAdditionalOrderData  # noqa: PLC0415
        from ..models.merchant_identifiers import MerchantIdentifiers  # noqa: PLC0415
        from ..models.shopify_additional_order_data import ShopifyAdditionalOrderData  # noqa: PLC0415

        d = dict(src_dict)
        _big_commerce_additional_order_data = d.pop(
            "bigCommerceAdditionalOrderData", UNSET
        )
        big_commerce_additional_order_data: FreeFormObject | Unset
        if isinstance(_big_commerce_additional_order_data, Unset):
            big_commerce_additional_order_data = UNSET
        else:
            big_commerce_additional_order_data = FreeFormObject.from_dict(
                _big_commerce_additional_order_data
            )

        _hybris_additional_order_data = d.pop("hybrisAdditionalOrderData", UNSET)
        hybris_additional_order_data: FreeFormObject | Unset
        if isinstance(_hybris_additional_order_data, Unset):
            hybris_additional_order_data = UNSET
        else:
            hybris_additional_order_data = FreeFormObject.from_dict(
                _hybris_additional_order_data
            )

        _magento_additional_order_data = d.pop("magentoAdditionalOrderData", UNSET)
        magento_additional_order_data: MagentoAdditionalOrderData | Unset
        if isinstance(_magento_additional_order_data, Unset):
            magento_additional_order_data = UNSET
        else:
            magento_additional_order_data = MagentoAdditionalOrderData.from_dict(
                _magento_additional_order_data
            )

        _merchant = d.pop("merchant", UNSET)
        merchant: MerchantIdentifiers | Unset
        if isinstance(_merchant, Unset):
            merchant = UNSET
        else:
            merchant = MerchantIdentifiers.from_dict(_merchant)

        _shopify_additional_order_data = d.pop("shopifyAdditionalOrderData", UNSET)
        shopify_additional_order_data: ShopifyAdditionalOrderData | Unset
        if isinstance(_shopify_additional_order_data, Unset):
            shopify_additional_order_data = UNSET
        else:
            shopify_additional_order_data = ShopifyAdditionalOrderData.from_dict(
                _shopify_additional_order_data
            )

        _split_order_total_amount = d.pop("splitOrderTotalAmount", UNSET)
        split_order_total_amount: Amount | Unset
        if isinstance(_split_order_total_amount, Unset):
            split_order_total_amount = UNSET
        else:
            split_order_total_amount = Amount.from_dict(_split_order_total_amount)

        def _parse_additional_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        additional_order_id = _parse_additional_order_id(
            d.pop("additionalOrderId", UNSET)
        )

        payment_gateway_id = d.pop("paymentGatewayId", UNSET)

        order_segment = d.pop("orderSegment", UNSET)

        portal_display_custom_field_1 = d.pop("portalDisplayCustomField1", UNSET)

        portal_display_custom_field_2 = d.pop("portalDisplayCustomField2", UNSET)

        portal_display_custom_field_3 = d.pop("portalDisplayCustomField3", UNSET)

        portal_display_custom_field_4 = d.pop("portalDisplayCustomField4", UNSET)

        split_order_ids = cast(list[str], d.pop("splitOrderIds", UNSET))

        customer_referral_method = d.pop("customerReferralMethod", UNSET)

        customer_referral_name = d.pop("customerReferralName", UNSET)

        additional_identifiers = cls(
            big_commerce_additional_order_data=big_commerce_additional_order_data,
            hybris_additional_order_data=hybris_additional_order_data,
            magento_additional_order_data=magento_additional_order_data,
            merchant=merchant,
            shopify_additional_order_data=shopify_additional_order_data,
            split_order_total_amount=split_order_total_amount,
            additional_order_id=additional_order_id,
            payment_gateway_id=payment_gateway_id,
            order_segment=order_segment,
            portal_display_custom_field_1=portal_display_custom_field_1,
            portal_display_custom_field_2=portal_display_custom_field_2,
            portal_display_custom_field_3=portal_display_custom_field_3,
            portal_display_custom_field_4=portal_display_custom_field_4,
            split_order_ids=split_order_ids,
            customer_referral_method=customer_referral_method,
            customer_referral_name=customer_referral_name,
        )

        additional_identifiers.additional_properties = d
        return additional_identifiers

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
