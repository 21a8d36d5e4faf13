from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.amount import Amount


T = TypeVar("T", bound="EmploymentInformation")


@_attrs_define(repr=False)
class EmploymentInformation:
    """The payer's employer and income (credit and lending verticals).

    Attributes:
        employer_address (Address | Unset): A postal address; used for billing, delivery, accounts, venues and
            employers.
        employer_name (str | Unset):
        income (Amount | Unset): An amount of money as decimal strings (never floats): amountLocalCurrency with its ISO
            4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
            amountLocalCurrency.
    """

    employer_address: Address | Unset = UNSET
    employer_name: str | Unset = UNSET
    income: Amount | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.amount import Amount  # noqa: PLC0415

        employer_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.employer_address, Unset):
            employer_address = self.employer_address.to_dict()

        employer_name = self.employer_name

        income: dict[str, Any] | Unset = UNSET
        if not isinstance(self.income, Unset):
            income = self.income.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if employer_address is not UNSET:
            field_dict["employerAddress"] = employer_address
        if employer_name is not UNSET:
            field_dict["employerName"] = employer_name
        if income is not UNSET:
            field_dict["income"] = income

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.amount import Amount  # noqa: PLC0415

        d = dict(src_dict)
        _employer_address = d.pop("employerAddress", UNSET)
        employer_address: Address | Unset
        if isinstance(_employer_address, Unset):
            employer_address = UNSET
        else:
            employer_address = Address.from_dict(_employer_address)

        employer_name = d.pop("employerName", UNSET)

        _income = d.pop("income", UNSET)
        income: Amount | Unset
        if isinstance(_income, Unset):
            income = UNSET
        else:
            income = Amount.from_dict(_income)

        employment_information = cls(
            employer_address=employer_address,
            employer_name=employer_name,
            income=income,
        )

        employment_information.additional_properties = d
        return employment_information

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
