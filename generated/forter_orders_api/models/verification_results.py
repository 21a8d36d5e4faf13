from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject


T = TypeVar("T", bound="VerificationResults")


@_attrs_define(repr=False)
class VerificationResults:
    """What the processor reported: authorization, AVS, CVV and 3-D Secure results.

    Attributes:
        external_3_ds_vendor_payload (FreeFormObject | Unset): A free-form object passed through to Forter as is
            (processor, gateway and platform payloads, whose members are defined by the sending system).
        authorization_code (str | Unset):
        avs_full_result (str | Unset):
        avs_name_result (str | Unset):
        avs_street_result (str | Unset):
        avs_zip_result (str | Unset):
        cvv_result (str | Unset):
        processor_response_code (None | str | Unset):
        processor_response_text (None | str | Unset):
        authorization_policy (str | Unset):
        cavv_result (str | Unset):
        eci_value (str | Unset):
        three_ds_status (str | Unset):
        three_ds_status_code (str | Unset):
        three_ds_status_reason_code (str | Unset):
        three_ds_version (str | Unset):
        three_ds_challenge_cancel_code (str | Unset):
        party_executed_3ds (str | Unset):
        exemption_status (str | Unset):
        authentication_method_type (str | Unset): Open set; known values: THREE_DS.
        three_ds_interaction_mode (str | Unset): Open set; known values: FRICTIONLESS, CHALLENGED.
        liability_shift (bool | Unset):
        authorization_processed_with_3ds (bool | Unset):
        authentication_triggered (bool | Unset):
        authentication_challenge_start_time (int | Unset): Epoch ms.
    """

    external_3_ds_vendor_payload: FreeFormObject | Unset = UNSET
    authorization_code: str | Unset = UNSET
    avs_full_result: str | Unset = UNSET
    avs_name_result: str | Unset = UNSET
    avs_street_result: str | Unset = UNSET
    avs_zip_result: str | Unset = UNSET
    cvv_result: str | Unset = UNSET
    processor_response_code: None | str | Unset = UNSET
    processor_response_text: None | str | Unset = UNSET
    authorization_policy: str | Unset = UNSET
    cavv_result: str | Unset = UNSET
    eci_value: str | Unset = UNSET
    three_ds_status: str | Unset = UNSET
    three_ds_status_code: str | Unset = UNSET
    three_ds_status_reason_code: str | Unset = UNSET
    three_ds_version: str | Unset = UNSET
    three_ds_challenge_cancel_code: str | Unset = UNSET
    party_executed_3ds: str | Unset = UNSET
    exemption_status: str | Unset = UNSET
    authentication_method_type: str | Unset = UNSET
    three_ds_interaction_mode: str | Unset = UNSET
    liability_shift: bool | Unset = UNSET
    authorization_processed_with_3ds: bool | Unset = UNSET
    authentication_triggered: bool | Unset = UNSET
    authentication_challenge_start_time: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        external_3_ds_vendor_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.external_3_ds_vendor_payload, Unset):
            external_3_ds_vendor_payload = self.external_3_ds_vendor_payload.to_dict()

        authorization_code = self.authorization_code

        avs_full_result = self.avs_full_result

        avs_name_result = self.avs_name_result

        avs_street_result = self.avs_street_result

        avs_zip_result = self.avs_zip_result

        cvv_result = self.cvv_result

        processor_response_code: None | str | Unset
        if isinstance(self.processor_response_code, Unset):
            processor_response_code = UNSET
        else:
            processor_response_code = self.processor_response_code

        processor_response_text: None | str | Unset
        if isinstance(self.processor_response_text, Unset):
            processor_response_text = UNSET
        else:
            processor_response_text = self.processor_response_text

        authorization_policy = self.authorization_policy

        cavv_result = self.cavv_result

        eci_value = self.eci_value

        three_ds_status = self.three_ds_status

        three_ds_status_code = self.three_ds_status_code

        three_ds_status_reason_code = self.three_ds_status_reason_code

        three_ds_version = self.three_ds_version

        three_ds_challenge_cancel_code = self.three_ds_challenge_cancel_code

        party_executed_3ds = self.party_executed_3ds

        exemption_status = self.exemption_status

        authentication_method_type = self.authentication_method_type

        three_ds_interaction_mode = self.three_ds_interaction_mode

        liability_shift = self.liability_shift

        authorization_processed_with_3ds = self.authorization_processed_with_3ds

        authentication_triggered = self.authentication_triggered

        authentication_challenge_start_time = self.authentication_challenge_start_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if external_3_ds_vendor_payload is not UNSET:
            field_dict["external3dsVendorPayload"] = external_3_ds_vendor_payload
        if authorization_code is not UNSET:
            field_dict["authorizationCode"] = authorization_code
        if avs_full_result is not UNSET:
            field_dict["avsFullResult"] = avs_full_result
        if avs_name_result is not UNSET:
            field_dict["avsNameResult"] = avs_name_result
        if avs_street_result is not UNSET:
            field_dict["avsStreetResult"] = avs_street_result
        if avs_zip_result is not UNSET:
            field_dict["avsZipResult"] = avs_zip_result
        if cvv_result is not UNSET:
            field_dict["cvvResult"] = cvv_result
        if processor_response_code is not UNSET:
            field_dict["processorResponseCode"] = processor_response_code
        if processor_response_text is not UNSET:
            field_dict["processorResponseText"] = processor_response_text
        if authorization_policy is not UNSET:
            field_dict["authorizationPolicy"] = authorization_policy
        if cavv_result is not UNSET:
            field_dict["cavvResult"] = cavv_result
        if eci_value is not UNSET:
            field_dict["eciValue"] = eci_value
        if three_ds_status is not UNSET:
            field_dict["threeDsStatus"] = three_ds_status
        if three_ds_status_code is not UNSET:
            field_dict["threeDsStatusCode"] = three_ds_status_code
        if three_ds_status_reason_code is not UNSET:
            field_dict["threeDsStatusReasonCode"] = three_ds_status_reason_code
        if three_ds_version is not UNSET:
            field_dict["threeDsVersion"] = three_ds_version
        if three_ds_challenge_cancel_code is not UNSET:
            field_dict["threeDsChallengeCancelCode"] = three_ds_challenge_cancel_code
        if party_executed_3ds is not UNSET:
            field_dict["partyExecuted3DS"] = party_executed_3ds
        if exemption_status is not UNSET:
            field_dict["exemptionStatus"] = exemption_status
        if authentication_method_type is not UNSET:
            field_dict["authenticationMethodType"] = authentication_method_type
        if three_ds_interaction_mode is not UNSET:
            field_dict["threeDsInteractionMode"] = three_ds_interaction_mode
        if liability_shift is not UNSET:
            field_dict["liabilityShift"] = liability_shift
        if authorization_processed_with_3ds is not UNSET:
            field_dict["authorizationProcessedWith3DS"] = (
                authorization_processed_with_3ds
            )
        if authentication_triggered is not UNSET:
            field_dict["authenticationTriggered"] = authentication_triggered
        if authentication_challenge_start_time is not UNSET:
            field_dict["authenticationChallengeStartTime"] = (
                authentication_challenge_start_time
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        d = dict(src_dict)
        _external_3_ds_vendor_payload = d.pop("external3dsVendorPayload", UNSET)
        external_3_ds_vendor_payload: FreeFormObject | Unset
        if isinstance(_external_3_ds_vendor_payload, Unset):
            external_3_ds_vendor_payload = UNSET
        else:
            external_3_ds_vendor_payload = FreeFormObject.from_dict(
                _external_3_ds_vendor_payload
            )

        authorization_code = d.pop("authorizationCode", UNSET)

        avs_full_result = d.pop("avsFullResult", UNSET)

        avs_name_result = d.pop("avsNameResult", UNSET)

        avs_street_result = d.pop("avsStreetResult", UNSET)

        avs_zip_result = d.pop("avsZipResult", UNSET)

        cvv_result = d.pop("cvvResult", UNSET)

        def _parse_processor_response_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        processor_response_code = _parse_processor_response_code(
            d.pop("processorResponseCode", UNSET)
        )

        def _parse_processor_response_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        processor_response_text = _parse_processor_response_text(
            d.pop("processorResponseText", UNSET)
        )

        authorization_policy = d.pop("authorizationPolicy", UNSET)

        cavv_result = d.pop("cavvResult", UNSET)

        eci_value = d.pop("eciValue", UNSET)

        three_ds_status = d.pop("threeDsStatus", UNSET)

        three_ds_status_code = d.pop("threeDsStatusCode", UNSET)

        three_ds_status_reason_code = d.pop("threeDsStatusReasonCode", UNSET)

        three_ds_version = d.pop("threeDsVersion", UNSET)

        three_ds_challenge_cancel_code = d.pop("threeDsChallengeCancelCode", UNSET)

        party_executed_3ds = d.pop("partyExecuted3DS", UNSET)

        exemption_status = d.pop("exemptionStatus", UNSET)

        authentication_method_type = d.pop("authenticationMethodType", UNSET)

        three_ds_interaction_mode = d.pop("threeDsInteractionMode", UNSET)

        liability_shift = d.pop("liabilityShift", UNSET)

        authorization_processed_with_3ds = d.pop("authorizationProcessedWith3DS", UNSET)

        authentication_triggered = d.pop("authenticationTriggered", UNSET)

        authentication_challenge_start_time = d.pop(
            "authenticationChallengeStartTime", UNSET
        )

        verification_results = cls(
            external_3_ds_vendor_payload=external_3_ds_vendor_payload,
            authorization_code=authorization_code,
            avs_full_result=avs_full_result,
            avs_name_result=avs_name_result,
            avs_street_result=avs_street_result,
            avs_zip_result=avs_zip_result,
            cvv_result=cvv_result,
            processor_response_code=processor_response_code,
            processor_response_text=processor_response_text,
            authorization_policy=authorization_policy,
            cavv_result=cavv_result,
            eci_value=eci_value,
            three_ds_status=three_ds_status,
            three_ds_status_code=three_ds_status_code,
            three_ds_status_reason_code=three_ds_status_reason_code,
            three_ds_version=three_ds_version,
            three_ds_challenge_cancel_code=three_ds_challenge_cancel_code,
            party_executed_3ds=party_executed_3ds,
            exemption_status=exemption_status,
            authentication_method_type=authentication_method_type,
            three_ds_interaction_mode=three_ds_interaction_mode,
            liability_shift=liability_shift,
            authorization_processed_with_3ds=authorization_processed_with_3ds,
            authentication_triggered=authentication_triggered,
            authentication_challenge_start_time=authentication_challenge_start_time,
        )

        verification_results.additional_properties = d
        return verification_results

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
