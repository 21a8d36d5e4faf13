from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.acquirer_data import AcquirerData
    from ..models.psd_2_exemption import Psd2Exemption


T = TypeVar("T", bound="ThreeDSecure")


@_attrs_define(repr=False)
class ThreeDSecure:
    """3-D Secure data for the payment, and how Forter should handle authentication.

    Attributes:
        acquirer_data (AcquirerData | Unset): The acquiring bank and merchant identifiers used for 3-D Secure.
        force_psd2_exemption (Psd2Exemption | Unset): A PSD2 strong-customer-authentication exemption to force.
        three_ds_server_trans_id (str | Unset): UUID (3DS server transaction id).
        sca_out_of_scope (str | Unset): Note: example ANONYMOUS_PREPAID_CARD.
        sca_exemption (str | Unset): Note: example TRUSTED_BENEFICIARY.
        execute3ds (str | Unset): Open set; known values: DYNAMIC_FORTER_DECISION, FORCE_3DS, NOT_SUPPORTED_BY_MERCHANT.
            Note: FORCE_3DS/NOT_SUPPORTED_BY_MERCHANT reconstructed from lower-cased docs.
        three_ds_executor (str | Unset): Open set; known values: MERCHANT.
        request_challenge (bool | Unset):
        three_ds_encoded_mobile_app_sdk_data (str | Unset):
    """

    acquirer_data: AcquirerData | Unset = UNSET
    force_psd2_exemption: Psd2Exemption | Unset = UNSET
    three_ds_server_trans_id: str | Unset = UNSET
    sca_out_of_scope: str | Unset = UNSET
    sca_exemption: str | Unset = UNSET
    execute3ds: str | Unset = UNSET
    three_ds_executor: str | Unset = UNSET
    request_challenge: bool | Unset = UNSET
    three_ds_encoded_mobile_app_sdk_data: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acquirer_data import AcquirerData  # noqa: PLC0415
        from ..models.psd_2_exemption import Psd2Exemption  # noqa: PLC0415

        acquirer_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.acquirer_data, Unset):
            acquirer_data = self.acquirer_data.to_dict()

        force_psd2_exemption: dict[str, Any] | Unset = UNSET
        if not isinstance(self.force_psd2_exemption, Unset):
            force_psd2_exemption = self.force_psd2_exemption.to_dict()

        three_ds_server_trans_id = self.three_ds_server_trans_id

        sca_out_of_scope = self.sca_out_of_scope

        sca_exemption = self.sca_exemption

        execute3ds = self.execute3ds

        three_ds_executor = self.three_ds_executor

        request_challenge = self.request_challenge

        three_ds_encoded_mobile_app_sdk_data = self.three_ds_encoded_mobile_app_sdk_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if acquirer_data is not UNSET:
            field_dict["acquirerData"] = acquirer_data
        if force_psd2_exemption is not UNSET:
            field_dict["forcePSD2Exemption"] = force_psd2_exemption
        if three_ds_server_trans_id is not UNSET:
            field_dict["threeDSServerTransID"] = three_ds_server_trans_id
        if sca_out_of_scope is not UNSET:
            field_dict["scaOutOfScope"] = sca_out_of_scope
        if sca_exemption is not UNSET:
            field_dict["scaExemption"] = sca_exemption
        if execute3ds is not UNSET:
            field_dict["execute3ds"] = execute3ds
        if three_ds_executor is not UNSET:
            field_dict["threeDSExecutor"] = three_ds_executor
        if request_challenge is not UNSET:
            field_dict["requestChallenge"] = request_challenge
        if three_ds_encoded_mobile_app_sdk_data is not UNSET:
            field_dict["threeDSEncodedMobileAppSDKData"] = (
                three_ds_encoded_mobile_app_sdk_data
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acquirer_data import AcquirerData  # noqa: PLC0415
        from ..models.psd_2_exemption import Psd2Exemption  # noqa: PLC0415

        d = dict(src_dict)
        _acquirer_data = d.pop("acquirerData", UNSET)
        acquirer_data: AcquirerData | Unset
        if isinstance(_acquirer_data, Unset):
            acquirer_data = UNSET
        else:
            acquirer_data = AcquirerData.from_dict(_acquirer_data)

        _force_psd2_exemption = d.pop("forcePSD2Exemption", UNSET)
        force_psd2_exemption: Psd2Exemption | Unset
        if isinstance(_force_psd2_exemption, Unset):
            force_psd2_exemption = UNSET
        else:
            force_psd2_exemption = Psd2Exemption.from_dict(_force_psd2_exemption)

        three_ds_server_trans_id = d.pop("threeDSServerTransID", UNSET)

        sca_out_of_scope = d.pop("scaOutOfScope", UNSET)

        sca_exemption = d.pop("scaExemption", UNSET)

        execute3ds = d.pop("execute3ds", UNSET)

        three_ds_executor = d.pop("threeDSExecutor", UNSET)

        request_challenge = d.pop("requestChallenge", UNSET)

        three_ds_encoded_mobile_app_sdk_data = d.pop(
            "threeDSEncodedMobileAppSDKData", UNSET
        )

        three_d_secure = cls(
            acquirer_data=acquirer_data,
            force_psd2_exemption=force_psd2_exemption,
            three_ds_server_trans_id=three_ds_server_trans_id,
            sca_out_of_scope=sca_out_of_scope,
            sca_exemption=sca_exemption,
            execute3ds=execute3ds,
            three_ds_executor=three_ds_executor,
            request_challenge=request_challenge,
            three_ds_encoded_mobile_app_sdk_data=three_ds_encoded_mobile_app_sdk_data,
        )

        three_d_secure.additional_properties = d
        return three_d_secure

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
