from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject
    from ..models.payment_gateway_data import PaymentGatewayData
    from ..models.payment_processor_data import PaymentProcessorData
    from ..models.three_d_secure import ThreeDSecure
    from ..models.verification_results import VerificationResults


T = TypeVar("T", bound="CreditCard")


@_attrs_define(repr=False)
class CreditCard:
    """A card payment (also tokenized cards and card-based wallets: Apple Pay, Google/Android Pay, Samsung Pay). Never a
    full card number: bin and lastFourDigits only.

        Attributes:
            full_response_payload (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
                gateway and platform payloads, whose members are defined by the sending system).
            payment_processor_data (PaymentProcessorData | Unset): The payment processor that handled the payment. Free-
                form: members beyond the ones listed are passed through.
            three_d_secure (ThreeDSecure | Unset): 3-D Secure data for the payment, and how Forter should handle
                authentication.
            verification_results (VerificationResults | Unset): What the processor reported: authorization, AVS, CVV and 3-D
                Secure results.
            bin_ (None | str | Unset): 6-8 digits.
            expiration_month (str | Unset): Month 1-12, usually 2 digits ("03"); Forter's Magento plugin sends Adyen's "3".
            expiration_year (str | Unset): 4-digit year "2018".
            last_four_digits (str | Unset): 4 digits.
            name_on_card (str | Unset):
            card_brand (str | Unset): Note: e.g. VISA; workarea sends "Visa" - open string.
            card_type (str | Unset): Open set; known values: CREDIT, DEBIT, PREPAID, UNKNOWN. Note: CREDIT/DEBIT/PREPAID
                from forter-magento2 AdyenMapper, UNKNOWN from SFCC.
            card_bank (None | str | Unset):
            country_of_issuance (None | str | Unset):
            fingerprint (str | Unset):
            token (str | Unset):
            creation_time (int | Unset): Epoch seconds.
            payment_gateway_data (PaymentGatewayData | Unset): The payment gateway that processed the payment. Free-form:
                members beyond the ones listed are passed through.
            credit_card_correlation_id (str | Unset): Note: 3DS Init correlationId (managed 3DS flow).
    """

    full_response_payload: FreeFormObject | Unset = UNSET
    payment_processor_data: PaymentProcessorData | Unset = UNSET
    three_d_secure: ThreeDSecure | Unset = UNSET
    verification_results: VerificationResults | Unset = UNSET
    bin_: None | str | Unset = UNSET
    expiration_month: str | Unset = UNSET
    expiration_year: str | Unset = UNSET
    last_four_digits: str | Unset = UNSET
    name_on_card: str | Unset = UNSET
    card_brand: str | Unset = UNSET
    card_type: str | Unset = UNSET
    card_bank: None | str | Unset = UNSET
    country_of_issuance: None | str | Unset = UNSET
    fingerprint: str | Unset = UNSET
    token: str | Unset = UNSET
    creation_time: int | Unset = UNSET
    payment_gateway_data: PaymentGatewayData | Unset = UNSET
    credit_card_correlation_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.payment_gateway_data import PaymentGatewayData  # noqa: PLC0415
        from ..models.payment_processor_data import PaymentProcessorData  # noqa: PLC0415
        from ..models.three_d_secure import ThreeDSecure  # noqa: PLC0415
        from ..models.verification_results import VerificationResults  # noqa: PLC0415

        full_response_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.full_response_payload, Unset):
            full_response_payload = self.full_response_payload.to_dict()

        payment_processor_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_processor_data, Unset):
            payment_processor_data = self.payment_processor_data.to_dict()

        three_d_secure: dict[str, Any] | Unset = UNSET
        if not isinstance(self.three_d_secure, Unset):
            three_d_secure = self.three_d_secure.to_dict()

        verification_results: dict[str, Any] | Unset = UNSET
        if not isinstance(self.verification_results, Unset):
            verification_results = self.verification_results.to_dict()

        bin_: None | str | Unset
        if isinstance(self.bin_, Unset):
            bin_ = UNSET
        else:
            bin_ = self.bin_

        expiration_month = self.expiration_month

        expiration_year = self.expiration_year

        last_four_digits = self.last_four_digits

        name_on_card = self.name_on_card

        card_brand = self.card_brand

        card_type = self.card_type

        card_bank: None | str | Unset
        if isinstance(self.card_bank, Unset):
            card_bank = UNSET
        else:
            card_bank = self.card_bank

        country_of_issuance: None | str | Unset
        if isinstance(self.country_of_issuance, Unset):
            country_of_issuance = UNSET
        else:
            country_of_issuance = self.country_of_issuance

        fingerprint = self.fingerprint

        token = self.token

        creation_time = self.creation_time

        payment_gateway_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_gateway_data, Unset):
            payment_gateway_data = self.payment_gateway_data.to_dict()

        credit_card_correlation_id = self.credit_card_correlation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if full_response_payload is not UNSET:
            field_dict["fullResponsePayload"] = full_response_payload
        if payment_processor_data is not UNSET:
            field_dict["paymentProcessorData"] = payment_processor_data
        if three_d_secure is not UNSET:
            field_dict["threeDSecure"] = three_d_secure
        if verification_results is not UNSET:
            field_dict["verificationResults"] = verification_results
        if bin_ is not UNSET:
            field_dict["bin"] = bin_
        if expiration_month is not UNSET:
            field_dict["expirationMonth"] = expiration_month
        if expiration_year is not UNSET:
            field_dict["expirationYear"] = expiration_year
        if last_four_digits is not UNSET:
            field_dict["lastFourDigits"] = last_four_digits
        if name_on_card is not UNSET:
            field_dict["nameOnCard"] = name_on_card
        if card_brand is not UNSET:
            field_dict["cardBrand"] = card_brand
        if card_type is not UNSET:
            field_dict["cardType"] = card_type
        if card_bank is not UNSET:
            field_dict["cardBank"] = card_bank
        if country_of_issuance is not UNSET:
            field_dict["countryOfIssuance"] = country_of_issuance
        if fingerprint is not UNSET:
            field_dict["fingerprint"] = fingerprint
        if token is not UNSET:
            field_dict["token"] = token
        if creation_time is not UNSET:
            field_dict["creationTime"] = creation_time
        if payment_gateway_data is not UNSET:
            field_dict["paymentGatewayData"] = payment_gateway_data
        if credit_card_correlation_id is not UNSET:
            field_dict["creditCardCorrelationId"] = credit_card_correlation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.payment_gateway_data import PaymentGatewayData  # noqa: PLC0415
        from ..models.payment_processor_data import PaymentProcessorData  # noqa: PLC0415
        from ..models.three_d_secure import ThreeDSecure  # noqa: PLC0415
        from ..models.verification_results import VerificationResults  # noqa: PLC0415

        d = dict(src_dict)
        _full_response_payload = d.pop("fullResponsePayload", UNSET)
        full_response_payload: FreeFormObject | Unset
        if isinstance(_full_response_payload, Unset):
            full_response_payload = UNSET
        else:
            full_response_payload = FreeFormObject.from_dict(_full_response_payload)

        _payment_processor_data = d.pop("paymentProcessorData", UNSET)
        payment_processor_data: PaymentProcessorData | Unset
        if isinstance(_payment_processor_data, Unset):
            payment_processor_data = UNSET
        else:
            payment_processor_data = PaymentProcessorData.from_dict(
                _payment_processor_data
            )

        _three_d_secure = d.pop("threeDSecure", UNSET)
        three_d_secure: ThreeDSecure | Unset
        if isinstance(_three_d_secure, Unset):
            three_d_secure = UNSET
        else:
            three_d_secure = ThreeDSecure.from_dict(_three_d_secure)

        _verification_results = d.pop("verificationResults", UNSET)
        verification_results: VerificationResults | Unset
        if isinstance(_verification_results, Unset):
            verification_results = UNSET
        else:
            verification_results = VerificationResults.from_dict(_verification_results)

        def _parse_bin_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bin_ = _parse_bin_(d.pop("bin", UNSET))

        expiration_month = d.pop("expirationMonth", UNSET)

        expiration_year = d.pop("expirationYear", UNSET)

        last_four_digits = d.pop("lastFourDigits", UNSET)

        name_on_card = d.pop("nameOnCard", UNSET)

        card_brand = d.pop("cardBrand", UNSET)

        card_type = d.pop("cardType", UNSET)

        def _parse_card_bank(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_bank = _parse_card_bank(d.pop("cardBank", UNSET))

        def _parse_country_of_issuance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country_of_issuance = _parse_country_of_issuance(
            d.pop("countryOfIssuance", UNSET)
        )

        fingerprint = d.pop("fingerprint", UNSET)

        token = d.pop("token", UNSET)

        creation_time = d.pop("creationTime", UNSET)

        _payment_gateway_data = d.pop("paymentGatewayData", UNSET)
        payment_gateway_data: PaymentGatewayData | Unset
        if isinstance(_payment_gateway_data, Unset):
            payment_gateway_data = UNSET
        else:
            payment_gateway_data = PaymentGatewayData.from_dict(_payment_gateway_data)

        credit_card_correlation_id = d.pop("creditCardCorrelationId", UNSET)

        credit_card = cls(
            full_response_payload=full_response_payload,
            payment_processor_data=payment_processor_data,
            three_d_secure=three_d_secure,
            verification_results=verification_results,
            bin_=bin_,
            expiration_month=expiration_month,
            expiration_year=expiration_year,
            last_four_digits=last_four_digits,
            name_on_card=name_on_card,
            card_brand=card_brand,
            card_type=card_type,
            card_bank=card_bank,
            country_of_issuance=country_of_issuance,
            fingerprint=fingerprint,
            token=token,
            creation_time=creation_time,
            payment_gateway_data=payment_gateway_data,
            credit_card_correlation_id=credit_card_correlation_id,
        )

        credit_card.additional_properties = d
        return credit_card

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
