from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="PosDetails")


@_attrs_define(repr=False)
class PosDetails:
    """The store and workstation of a point-of-sale transaction.

    Attributes:
        address (Address | Unset): A postal address; used for billing, delivery, accounts, venues and employers.
        card_entry_method (str | Unset): Open set; known values: SCANNED. Note: Forter's example value "scanned"; full
            list unknown.
        cashier_id (str | Unset):
        department_id (str | Unset):
        store_business_unit (str | Unset):
        store_id (str | Unset):
        store_name (str | Unset):
        workstation_id (str | Unset):
    """

    address: Address | Unset = UNSET
    card_entry_method: str | Unset = UNSET
    cashier_id: str | Unset = UNSET
    department_id: str | Unset = UNSET
    store_business_unit: str | Unset = UNSET
    store_id: str | Unset = UNSET
    store_name: str | Unset = UNSET
    workstation_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        card_entry_method = self.card_entry_method

        cashier_id = self.cashier_id

        department_id = self.department_id

        store_business_unit = self.store_business_unit

        store_id = self.store_id

        store_name = self.store_name

        workstation_id = self.workstation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if card_entry_method is not UNSET:
            field_dict["cardEntryMethod"] = card_entry_method
        if cashier_id is not UNSET:
            field_dict["cashierId"] = cashier_id
        if department_id is not UNSET:
            field_dict["departmentId"] = department_id
        if store_business_unit is not UNSET:
            field_dict["storeBusinessUnit"] = store_business_unit
        if store_id is not UNSET:
            field_dict["storeId"] = store_id
        if store_name is not UNSET:
            field_dict["storeName"] = store_name
        if workstation_id is not UNSET:
            field_dict["workstationId"] = workstation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        _address = d.pop("address", UNSET)
        address: Address | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = Address.from_dict(_address)

        card_entry_method = d.pop("cardEntryMethod", UNSET)

        cashier_id = d.pop("cashierId", UNSET)

        department_id = d.pop("departmentId", UNSET)

        store_business_unit = d.pop("storeBusinessUnit", UNSET)

        store_id = d.pop("storeId", UNSET)

        store_name = d.pop("storeName", UNSET)

        workstation_id = d.pop("workstationId", UNSET)

        pos_details = cls(
            address=address,
            card_entry_method=card_entry_method,
            cashier_id=cashier_id,
            department_id=department_id,
            store_business_unit=store_business_unit,
            store_id=store_id,
            store_name=store_name,
            workstation_id=workstation_id,
        )

        pos_details.additional_properties = d
        return pos_details

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
