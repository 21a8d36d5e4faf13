from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject


T = TypeVar("T", bound="InstallmentService")


@_attrs_define(repr=False)
class InstallmentService:
    """An installment (pay later) service used for the payment.

    Attributes:
        full_response_payload (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
            gateway and platform payloads, whose members are defined by the sending system).
        service_name (str | Unset):
        payment_id (str | Unset):
        service_response_code (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
    """

    full_response_payload: FreeFormObject | Unset = UNSET
    service_name: str | Unset = UNSET
    payment_id: str | Unset = UNSET
    service_response_code: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        full_response_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.full_response_payload, Unset):
            full_response_payload = self.full_response_payload.to_dict()

        service_name = self.service_name

        payment_id = self.payment_id

        service_response_code = self.service_response_code

        first_name = self.first_name

        last_name = self.last_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if full_response_payload is not UNSET:
            field_dict["fullResponsePayload"] = full_response_payload
        if service_name is not UNSET:
            field_dict["serviceName"] = service_name
        if payment_id is not UNSET:
            field_dict["paymentId"] = payment_id
        if service_response_code is not UNSET:
            field_dict["serviceResponseCode"] = service_response_code
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        d = dict(src_dict)
        _full_response_payload = d.pop("fullResponsePayload", UNSET)
        full_response_payload: FreeFormObject | Unset
        if isinstance(_full_response_payload, Unset):
            full_response_payload = UNSET
        else:
            full_response_payload = FreeFormObject.from_dict(_full_response_payload)

        service_name = d.pop("serviceName", UNSET)

        payment_id = d.pop("paymentId", UNSET)

        service_response_code = d.pop("serviceResponseCode", UNSET)

        first_name = d.pop("firstName", UNSET)

        last_name = d.pop("lastName", UNSET)

        installment_service = cls(
            full_response_payload=full_response_payload,
            service_name=service_name,
            payment_id=payment_id,
            service_response_code=service_response_code,
            first_name=first_name,
            last_name=last_name,
        )

        installment_service.additional_properties = d
        return installment_service

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
