from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_authorization_step import (
    OrderAuthorizationStep,
    check_order_authorization_step,
)
from ..models.order_order_type import OrderOrderType, check_order_order_type
from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.account_owner import AccountOwner
    from ..models.additional_identifiers import AdditionalIdentifiers
    from ..models.amount import Amount
    from ..models.cart_item import CartItem
    from ..models.connection_information import ConnectionInformation
    from ..models.customer_account_data import CustomerAccountData
    from ..models.delivery_details import DeliveryDetails
    from ..models.discount import Discount
    from ..models.free_form_object import FreeFormObject
    from ..models.historical_data import HistoricalData
    from ..models.payment import Payment
    from ..models.phone_order_information import PhoneOrderInformation
    from ..models.recipient import Recipient


T = TypeVar("T", bound="Order")


@_attrs_define(repr=False)
class Order:
    """An order sent to Forter for a fraud decision (Order v3). Wire names are camelCase. Required (the `required` list):
    orderId, orderType, timeSentToForter, checkoutTime, totalAmount and cartItems (each with basicItemData name,
    quantity and price); web and app orders also carry connectionInformation (customerIP, userAgent). Recommended by
    Forter (`x-forter-recommended`): authorizationStep, payment, primaryDeliveryDetails, primaryRecipient and
    accountOwner.

    Objects are open: Forter accepts members this description does not list, and the generated models keep them
    (additional_properties). The client derives a strict view from this description for its warnings: every object with
    properties is closed unless it is marked `x-forter-free-form`, the recommended members become required, and the
    rules under `x-forter-strict-allOf` apply, so a misspelled member is reported instead of silently ignored by Forter.

    Web vs mobile-app orders (a strict-view rule, `x-forter-strict-allOf`): an order whose orderType is MOBILE, IOS or
    ANDROID comes from a native app and carries connectionInformation.forterMobileUID; its forterTokenCookie is absent
    or null. A WEB order (mobile web and app webviews included) carries connectionInformation.forterTokenCookie. Forter
    answered recorded web orders without a token, so the rule is guidance, not a condition of acceptance.

    Names the public sources did not show in their real casing carry `x-forter-confidence: inferred` until a sandbox run
    confirms them; `x-forter-seen-in` names the public senders (repository, path, commit) that show a member, its
    casing, a null or a type.

        Attributes:
            cart_items (list[CartItem]):
            checkout_time (int): When the customer completed checkout, as a Unix epoch. The v3 reference and the Salesforce
                cartridge send seconds (1699916780); the mobile-order page and the commercetools plugin send milliseconds
                (1672177899151). Forter accepts both; the builders emit seconds.
            order_id (str): The merchant's order id; the same value as the orderId path parameter ("." and ".." are refused,
                see the path parameter).
            order_type (OrderOrderType): Note: values from docs.forter.com/reference/order-v3 enum list (lower-cased there;
                underscores restored);
                WEB/PHONE/MOBILE/IOS/ANDROID/WAP/STORE/MAIL_ORDER/AUTOMATIC_RENEWAL_OR_INSTALLMENT_PAYMENT/UNKNOWN confirmed in
                upper case by IXOPAY docs; mobile-order page text writes "iOS" but its sample sends "IOS".
            time_sent_to_forter (int): When the request was sent to Forter, Unix epoch in milliseconds (1699916780000).
            total_amount (Amount): An amount of money as decimal strings (never floats): amountLocalCurrency with its ISO
                4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
                amountLocalCurrency.
            account_owner (AccountOwner | Unset): The customer's account at the merchant (accountOwner); its email drives
                Forter's sandbox test decisions.
            additional_identifiers (AdditionalIdentifiers | Unset): Merchant-side and platform ids that help Forter link the
                order to other systems.
            additional_information (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
                gateway and platform payloads, whose members are defined by the sending system).
            authorization_step (OrderAuthorizationStep | Unset):
            connection_information (ConnectionInformation | Unset): How the customer connected: IP, user agent, and Forter's
                web token cookie or mobile device id (see the web/mobile rule on Order). Forter requires customerIP and
                userAgent; phone orders may omit the whole object.
            customer_account_data (CustomerAccountData | Unset): The customer's account history and engagement at the
                merchant.
            delivery_method (str | Unset): Sent at the order's root by Forter's Magento 2 plugin ("" or "store pickup");
                Forter's docs place deliveryMethod under primaryDeliveryDetails, which is where the delivery method belongs.
            discounts (list[Discount] | Unset):
            historical_data (HistoricalData | Unset): How a past order ended, sent when historical orders are backfilled.
            payment (list[Payment] | Unset):
            phone_order_information (PhoneOrderInformation | Unset): Details of an order taken by phone.
            primary_delivery_details (DeliveryDetails | Unset): How the order (or one item) is delivered, and at what price.
            primary_recipient (Recipient | Unset): Who receives the order (primaryRecipient) or an item
                (cartItems[].beneficiaries[]).
            total_discount (Discount | None | Unset):
    """

    cart_items: list[CartItem]
    checkout_time: int
    order_id: str
    order_type: OrderOrderType
    time_sent_to_forter: int
    total_amount: Amount
    account_owner: AccountOwner | Unset = UNSET
    additional_identifiers: AdditionalIdentifiers | Unset = UNSET
    additional_information: FreeFormObject | Unset = UNSET
    authorization_step: OrderAuthorizationStep | Unset = UNSET
    connection_information: ConnectionInformation | Unset = UNSET
    customer_account_data: CustomerAccountData | Unset = UNSET
    delivery_method: str | Unset = UNSET
    discounts: list[Discount] | Unset = UNSET
    historical_data: HistoricalData | Unset = UNSET
    payment: list[Payment] | Unset = UNSET
    phone_order_information: PhoneOrderInformation | Unset = UNSET
    primary_delivery_details: DeliveryDetails | Unset = UNSET
    primary_recipient: Recipient | Unset = UNSET
    total_discount: Discount | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.account_owner import AccountOwner  # noqa: PLC0415
        from ..models.additional_identifiers import AdditionalIdentifiers  # noqa: PLC0415
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.cart_item import CartItem  # noqa: PLC0415
        from ..models.connection_information import ConnectionInformation  # noqa: PLC0415
        from ..models.customer_account_data import CustomerAccountData  # noqa: PLC0415
        from ..models.delivery_details import DeliveryDetails  # noqa: PLC0415
        from ..models.discount import Discount  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.historical_data import HistoricalData  # noqa: PLC0415
        from ..models.payment import Payment  # noqa: PLC0415
        from ..models.phone_order_information import PhoneOrderInformation  # noqa: PLC0415
        from ..models.recipient import Recipient  # noqa: PLC0415

        cart_items = []
        for cart_items_item_data in self.cart_items:
            cart_items_item = cart_items_item_data.to_dict()
            cart_items.append(cart_items_item)

        checkout_time = self.checkout_time

        order_id = self.order_id

        order_type: str = self.order_type

        time_sent_to_forter = self.time_sent_to_forter

        total_amount = self.total_amount.to_dict()

        account_owner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.account_owner, Unset):
            account_owner = self.account_owner.to_dict()

        additional_identifiers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_identifiers, Unset):
            additional_identifiers = self.additional_identifiers.to_dict()

        additional_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_information, Unset):
            additional_information = self.additional_information.to_dict()

        authorization_step: str | Unset = UNSET
        if not isinstance(self.authorization_step, Unset):
            authorization_step = self.authorization_step

        connection_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.connection_information, Unset):
            connection_information = self.connection_information.to_dict()

        customer_account_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_account_data, Unset):
            customer_account_data = self.customer_account_data.to_dict()

        delivery_method = self.delivery_method

        discounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.discounts, Unset):
            discounts = []
            for discounts_item_data in self.discounts:
                discounts_item = discounts_item_data.to_dict()
                discounts.append(discounts_item)

        historical_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.historical_data, Unset):
            historical_data = self.historical_data.to_dict()

        payment: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payment, Unset):
            payment = []
            for payment_item_data in self.payment:
                payment_item = payment_item_data.to_dict()
                payment.append(payment_item)

        phone_order_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.phone_order_information, Unset):
            phone_order_information = self.phone_order_information.to_dict()

        primary_delivery_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.primary_delivery_details, Unset):
            primary_delivery_details = self.primary_delivery_details.to_dict()

        primary_recipient: dict[str, Any] | Unset = UNSET
        if not isinstance(self.primary_recipient, Unset):
            primary_recipient = self.primary_recipient.to_dict()

        total_discount: dict[str, Any] | None | Unset
        if isinstance(self.total_discount, Unset):
            total_discount = UNSET
        elif isinstance(self.total_discount, Discount):
            total_discount = self.total_discount.to_dict()
        else:
            total_discount = self.total_discount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cartItems": cart_items,
                "checkoutTime": checkout_time,
                "orderId": order_id,
                "orderType": order_type,
                "timeSentToForter": time_sent_to_forter,
                "totalAmount": total_amount,
            }
        )
        if account_owner is not UNSET:
            field_dict["accountOwner"] = account_owner
        if additional_identifiers is not UNSET:
            field_dict["additionalIdentifiers"] = additional_identifiers
        if additional_information is not UNSET:
            field_dict["additionalInformation"] = additional_information
        if authorization_step is not UNSET:
            field_dict["authorizationStep"] = authorization_step
        if connection_information is not UNSET:
            field_dict["connectionInformation"] = connection_information
        if customer_account_data is not UNSET:
            field_dict["customerAccountData"] = customer_account_data
        if delivery_method is not UNSET:
            field_dict["deliveryMethod"] = delivery_method
        if discounts is not UNSET:
            field_dict["discounts"] = discounts
        if historical_data is not UNSET:
            field_dict["historicalData"] = historical_data
        if payment is not UNSET:
            field_dict["payment"] = payment
        if phone_order_information is not UNSET:
            field_dict["phoneOrderInformation"] = phone_order_information
        if primary_delivery_details is not UNSET:
            field_dict["primaryDeliveryDetails"] = primary_delivery_details
        if primary_recipient is not UNSET:
            field_dict["primaryRecipient"] = primary_recipient
        if total_discount is not UNSET:
            field_dict["totalDiscount"] = total_discount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_owner import AccountOwner  # noqa: PLC0415
        from ..models.additional_identifiers import AdditionalIdentifiers  # noqa: PLC0415
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.cart_item import CartItem  # noqa: PLC0415
        from ..models.connection_information import ConnectionInformation  # noqa: PLC0415
        from ..models.customer_account_data import CustomerAccountData  # noqa: PLC0415
        from ..models.delivery_details import DeliveryDetails  # noqa: PLC0415
        from ..models.discount import Discount  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.historical_data import HistoricalData  # noqa: PLC0415
        from ..models.payment import Payment  # noqa: PLC0415
        from ..models.phone_order_information import PhoneOrderInformation  # noqa: PLC0415
        from ..models.recipient import Recipient  # noqa: PLC0415

        d = dict(src_dict)
        cart_items = []
        _cart_items = d.pop("cartItems")
        for cart_items_item_data in _cart_items:
            cart_items_item = CartItem.from_dict(cart_items_item_data)

            cart_items.append(cart_items_item)

        checkout_time = d.pop("checkoutTime")

        order_id = d.pop("orderId")

        order_type = check_order_order_type(d.pop("orderType"))

        time_sent_to_forter = d.pop("timeSentToForter")

        total_amount = Amount.from_dict(d.pop("totalAmount"))

        _account_owner = d.pop("accountOwner", UNSET)
        account_owner: AccountOwner | Unset
        if isinstance(_account_owner, Unset):
            account_owner = UNSET
        else:
            account_owner = AccountOwner.from_dict(_account_owner)

        _additional_identifiers = d.pop("additionalIdentifiers", UNSET)
        additional_identifiers: AdditionalIdentifiers | Unset
        if isinstance(_additional_identifiers, Unset):
            additional_identifiers = UNSET
        else:
            additional_identifiers = AdditionalIdentifiers.from_dict(
                _additional_identifiers
            )

        _additional_information = d.pop("additionalInformation", UNSET)
        additional_information: FreeFormObject | Unset
        if isinstance(_additional_information, Unset):
            additional_information = UNSET
        else:
            additional_information = FreeFormObject.from_dict(_additional_information)

        _authorization_step = d.pop("authorizationStep", UNSET)
        authorization_step: OrderAuthorizationStep | Unset
        if isinstance(_authorization_step, Unset):
            authorization_step = UNSET
        else:
            authorization_step = check_order_authorization_step(_authorization_step)

        _connection_information = d.pop("connectionInformation", UNSET)
        connection_information: ConnectionInformation | Unset
        if isinstance(_connection_information, Unset):
            connection_information = UNSET
        else:
            connection_information = ConnectionInformation.from_dict(
                _connection_information
            )

        _customer_account_data = d.pop("customerAccountData", UNSET)
        customer_account_data: CustomerAccountData | Unset
        if isinstance(_customer_account_data, Unset):
            customer_account_data = UNSET
        else:
            customer_account_data = CustomerAccountData.from_dict(
                _customer_account_data
            )

        delivery_method = d.pop("deliveryMethod", UNSET)

        _discounts = d.pop("discounts", UNSET)
        discounts: list[Discount] | Unset = UNSET
        if _discounts is not UNSET:
            discounts = []
            for discounts_item_data in _discounts:
                discounts_item = Discount.from_dict(discounts_item_data)

                discounts.append(discounts_item)

        _historical_data = d.pop("historicalData", UNSET)
        historical_data: HistoricalData | Unset
        if isinstance(_historical_data, Unset):
            historical_data = UNSET
        else:
            historical_data = HistoricalData.from_dict(_historical_data)

        _payment = d.pop("payment", UNSET)
        payment: list[Payment] | Unset = UNSET
        if _payment is not UNSET:
            payment = []
            for payment_item_data in _payment:
                payment_item = Payment.from_dict(payment_item_data)

                payment.append(payment_item)

        _phone_order_information = d.pop("phoneOrderInformation", UNSET)
        phone_order_information: PhoneOrderInformation | Unset
        if isinstance(_phone_order_information, Unset):
            phone_order_information = UNSET
        else:
            phone_order_information = PhoneOrderInformation.from_dict(
                _phone_order_information
            )

        _primary_delivery_details = d.pop("primaryDeliveryDetails", UNSET)
        primary_delivery_details: DeliveryDetails | Unset
        if isinstance(_primary_delivery_details, Unset):
            primary_delivery_details = UNSET
        else:
            primary_delivery_details = DeliveryDetails.from_dict(
                _primary_delivery_details
            )

        _primary_recipient = d.pop("primaryRecipient", UNSET)
        primary_recipient: Recipient | Unset
        if isinstance(_primary_recipient, Unset):
            primary_recipient = UNSET
        else:
            primary_recipient = Recipient.from_dict(_primary_recipient)

        def _parse_total_discount(data: object) -> Discount | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                total_discount_type_0 = Discount.from_dict(data)

                return total_discount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Discount | None | Unset, data)

        total_discount = _parse_total_discount(d.pop("totalDiscount", UNSET))

        order = cls(
            cart_items=cart_items,
            checkout_time=checkout_time,
            order_id=order_id,
            order_type=order_type,
            time_sent_to_forter=time_sent_to_forter,
            total_amount=total_amount,
            account_owner=account_owner,
            additional_identifiers=additional_identifiers,
            additional_information=additional_information,
            authorization_step=authorization_step,
            connection_information=connection_information,
            customer_account_data=customer_account_data,
            delivery_method=delivery_method,
            discounts=discounts,
            historical_data=historical_data,
            payment=payment,
            phone_order_information=phone_order_information,
            primary_delivery_details=primary_delivery_details,
            primary_recipient=primary_recipient,
            total_discount=total_discount,
        )

        order.additional_properties = d
        return order

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
