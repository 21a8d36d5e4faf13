from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject
    from ..models.three_ds_result import ThreeDsResult


T = TypeVar("T", bound="VerificationSpecificData")


@_attrs_define(repr=False)
class VerificationSpecificData:
    """Method-specific data. Note the capital T of ThreeDS, as the docs write it.

    Attributes:
        three_ds (ThreeDsResult | Unset): The 3-D Secure authentication result Forter returns.
        email (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor, gateway and
            platform payloads, whose members are defined by the sending system).
        phone (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor, gateway and
            platform payloads, whose members are defined by the sending system).
    """

    three_ds: ThreeDsResult | Unset = UNSET
    email: FreeFormObject | Unset = UNSET
    phone: FreeFormObject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.three_ds_result import ThreeDsResult  # noqa: PLC0415

        three_ds: dict[str, Any] | Unset = UNSET
        if not isinstance(self.three_ds, Unset):
            three_ds = self.three_ds.to_dict()

        email: dict[str, Any] | Unset = UNSET
        if not isinstance(self.email, Unset):
            email = self.email.to_dict()

        phone: dict[str, Any] | Unset = UNSET
        if not isinstance(self.phone, Unset):
            phone = self.phone.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if three_ds is not UNSET:
            field_dict["ThreeDS"] = three_ds
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.three_ds_result import ThreeDsResult  # noqa: PLC0415

        d = dict(src_dict)
        _three_ds = d.pop("ThreeDS", UNSET)
        three_ds: ThreeDsResult | Unset
        if isinstance(_three_ds, Unset):
            three_ds = UNSET
        else:
            three_ds = ThreeDsResult.from_dict(_three_ds)

        _email = d.pop("email", UNSET)
        email: FreeFormObject | Unset
        if isinstance(_email, Unset):
            email = UNSET
        else:
            email = FreeFormObject.from_dict(_email)

        _phone = d.pop("phone", UNSET)
        phone: FreeFormObject | Unset
        if isinstance(_phone, Unset):
            phone = UNSET
        else:
            phone = FreeFormObject.from_dict(_phone)

        verification_specific_data = cls(
            three_ds=three_ds,
            email=email,
            phone=phone,
        )

        verification_specific_data.additional_properties = d
        return verification_specific_data

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
