from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

T = TypeVar("T", bound="ConnectionInformation")


@_attrs_define(repr=False)
class ConnectionInformation:
    """How the customer connected: IP, user agent, and Forter's web token cookie or mobile device id (see the web/mobile
    rule on Order). Forter requires customerIP and userAgent; phone orders may omit the whole object.

        Attributes:
            customer_ip (None | str): IPv4 or IPv6 address of the customer, e.g. 10.0.0.127.
            user_agent (str):
            forter_token_cookie (None | str | Unset): Forter JS token cookie value (ftr_...). Required for WEB orders;
                absent or null for native mobile-app orders.
            forter_mobile_uid (None | str | Unset): Forter mobile SDK device identifier. Required for native mobile-app
                orders (orderType MOBILE, IOS or ANDROID).
            merchant_device_identifier (None | str | Unset):
            mobile_app_version (str | Unset): Native mobile-app orders only (Forter's mobile-order page).
            mobile_os_type (str | Unset): Native mobile-app orders only (Forter's mobile-order page).
            mobile_device_brand (str | Unset): Native mobile-app orders only (Forter's mobile-order page).
            mobile_device_model (str | Unset): Native mobile-app orders only (Forter's mobile-order page).
            full_headers (str | Unset): Note: JSON-encoded request headers, truncated to 4000 chars by the Magento plugin.
    """

    customer_ip: None | str
    user_agent: str
    forter_token_cookie: None | str | Unset = UNSET
    forter_mobile_uid: None | str | Unset = UNSET
    merchant_device_identifier: None | str | Unset = UNSET
    mobile_app_version: str | Unset = UNSET
    mobile_os_type: str | Unset = UNSET
    mobile_device_brand: str | Unset = UNSET
    mobile_device_model: str | Unset = UNSET
    full_headers: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        customer_ip: None | str
        customer_ip = self.customer_ip

        user_agent = self.user_agent

        forter_token_cookie: None | str | Unset
        if isinstance(self.forter_token_cookie, Unset):
            forter_token_cookie = UNSET
        else:
            forter_token_cookie = self.forter_token_cookie

        forter_mobile_uid: None | str | Unset
        if isinstance(self.forter_mobile_uid, Unset):
            forter_mobile_uid = UNSET
        else:
            forter_mobile_uid = self.forter_mobile_uid

        merchant_device_identifier: None | str | Unset
        if isinstance(self.merchant_device_identifier, Unset):
            merchant_device_identifier = UNSET
        else:
            merchant_device_identifier = self.merchant_device_identifier

        mobile_app_version = self.mobile_app_version

        mobile_os_type = self.mobile_os_type

        mobile_device_brand = self.mobile_device_brand

        mobile_device_model = self.mobile_device_model

        full_headers = self.full_headers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customerIP": customer_ip,
                "userAgent": user_agent,
            }
        )
        if forter_token_cookie is not UNSET:
            field_dict["forterTokenCookie"] = forter_token_cookie
        if forter_mobile_uid is not UNSET:
            field_dict["forterMobileUID"] = forter_mobile_uid
        if merchant_device_identifier is not UNSET:
            field_dict["merchantDeviceIdentifier"] = merchant_device_identifier
        if mobile_app_version is not UNSET:
            field_dict["mobileAppVersion"] = mobile_app_version
        if mobile_os_type is not UNSET:
            field_dict["mobileOSType"] = mobile_os_type
        if mobile_device_brand is not UNSET:
            field_dict["mobileDeviceBrand"] = mobile_device_brand
        if mobile_device_model is not UNSET:
            field_dict["mobileDeviceModel"] = mobile_device_model
        if full_headers is not UNSET:
            field_dict["fullHeaders"] = full_headers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_customer_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_ip = _parse_customer_ip(d.pop("customerIP"))

        user_agent = d.pop("userAgent")

        def _parse_forter_token_cookie(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forter_token_cookie = _parse_forter_token_cookie(
            d.pop("forterTokenCookie", UNSET)
        )

        def _parse_forter_mobile_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forter_mobile_uid = _parse_forter_mobile_uid(d.pop("forterMobileUID", UNSET))

        def _parse_merchant_device_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant_device_identifier = _parse_merchant_device_identifier(
            d.pop("merchantDeviceIdentifier", UNSET)
        )

        mobile_app_version = d.pop("mobileAppVersion", UNSET)

        mobile_os_type = d.pop("mobileOSType", UNSET)

        mobile_device_brand = d.pop("mobileDeviceBrand", UNSET)

        mobile_device_model = d.pop("mobileDeviceModel", UNSET)

        full_headers = d.pop("fullHeaders", UNSET)

        connection_information = cls(
            customer_ip=customer_ip,
            user_agent=user_agent,
            forter_token_cookie=forter_token_cookie,
            forter_mobile_uid=forter_mobile_uid,
            merchant_device_identifier=merchant_device_identifier,
            mobile_app_version=mobile_app_version,
            mobile_os_type=mobile_os_type,
            mobile_device_brand=mobile_device_brand,
            mobile_device_model=mobile_device_model,
            full_headers=full_headers,
        )

        connection_information.additional_properties = d
        return connection_information

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
