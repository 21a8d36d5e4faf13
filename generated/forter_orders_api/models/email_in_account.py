from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.update_times import UpdateTimes
    from ..models.verification_flags import VerificationFlags


T = TypeVar("T", bound="EmailInAccount")


@_attrs_define(repr=False)
class EmailInAccount:
    """An email address registered in the account, with its verification state.

    Attributes:
        email (str): Email.
        email_verification (VerificationFlags | Unset): Whether a verification message was sent and whether it was
            verified.
        email_role (str | Unset): Open set; known values: ACCOUNT.
        update_times (UpdateTimes | Unset): When something was created, modified, last used or removed (epoch seconds).
        is_primary (bool | Unset):
    """

    email: str
    email_verification: VerificationFlags | Unset = UNSET
    email_role: str | Unset = UNSET
    update_times: UpdateTimes | Unset = UNSET
    is_primary: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.update_times import UpdateTimes  # noqa: PLC0415
        from ..models.verification_flags import VerificationFlags  # noqa: PLC0415

        email = self.email

        email_verification: dict[str, Any] | Unset = UNSET
        if not isinstance(self.email_verification, Unset):
            email_verification = self.email_verification.to_dict()

        email_role = self.email_role

        update_times: dict[str, Any] | Unset = UNSET
        if not isinstance(self.update_times, Unset):
            update_times = self.update_times.to_dict()

        is_primary = self.is_primary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
            }
        )
        if email_verification is not UNSET:
            field_dict["emailVerification"] = email_verification
        if email_role is not UNSET:
            field_dict["emailRole"] = email_role
        if update_times is not UNSET:
            field_dict["updateTimes"] = update_times
        if is_primary is not UNSET:
            field_dict["isPrimary"] = is_primary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_times import UpdateTimes  # noqa: PLC0415
        from ..models.verification_flags import VerificationFlags  # noqa: PLC0415

        d = dict(src_dict)
        email = d.pop("email")

        _email_verification = d.pop("emailVerification", UNSET)
        email_verification: VerificationFlags | Unset
        if isinstance(_email_verification, Unset):
            email_verification = UNSET
        else:
            email_verification = VerificationFlags.from_dict(_email_verification)

        email_role = d.pop("emailRole", UNSET)

        _update_times = d.pop("updateTimes", UNSET)
        update_times: UpdateTimes | Unset
        if isinstance(_update_times, Unset):
            update_times = UNSET
        else:
            update_times = UpdateTimes.from_dict(_update_times)

        is_primary = d.pop("isPrimary", UNSET)

        email_in_account = cls(
            email=email,
            email_verification=email_verification,
            email_role=email_role,
            update_times=update_times,
            is_primary=is_primary,
        )

        email_in_account.additional_properties = d
        return email_in_account

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
