from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount
    from ..models.bank_account import BankAccount
    from ..models.billing_details import BillingDetails
    from ..models.credit_card import CreditCard
    from ..models.credit_line_details import CreditLineDetails
    from ..models.crypto_wallet import CryptoWallet
    from ..models.digital_wallet import DigitalWallet
    from ..models.free_form_object import FreeFormObject
    from ..models.installment_service import InstallmentService
    from ..models.loyalty_points import LoyaltyPoints
    from ..models.mobile_money import MobileMoney
    from ..models.paypal import Paypal
    from ..models.recurring_payment import RecurringPayment
    from ..models.saved_data import SavedData
    from ..models.stored_value import StoredValue
    from ..models.update_times import UpdateTimes
    from ..models.venmo import Venmo


T = TypeVar("T", bound="Payment")


@_attrs_define(repr=False)
class Payment:
    """One payment method used for the order, with its amount and billing details.

    Attributes:
        amount (Amount | Unset): An amount of money as decimal strings (never floats): amountLocalCurrency with its ISO
            4217 currency, and optionally amountUSD. Some senders give amountUSD with its currency and no
            amountLocalCurrency.
        android_pay (CreditCard | Unset): A card payment (also tokenized cards and card-based wallets: Apple Pay,
            Google/Android Pay, Samsung Pay). Never a full card number: bin and lastFourDigits only.
        apple_pay (CreditCard | Unset): A card payment (also tokenized cards and card-based wallets: Apple Pay,
            Google/Android Pay, Samsung Pay). Never a full card number: bin and lastFourDigits only.
        bank_transfer (BankAccount | Unset): A bank account or transfer, described by the payment gateway payload.
        billing_details (BillingDetails | Unset): Who pays: personal details, billing address, phones, documents and
            employment.
        credit_card (CreditCard | Unset): A card payment (also tokenized cards and card-based wallets: Apple Pay,
            Google/Android Pay, Samsung Pay). Never a full card number: bin and lastFourDigits only.
        credit_line_details (CreditLineDetails | Unset): A credit line (buy now, pay later) used for the payment.
        crypto_wallet (CryptoWallet | Unset): A cryptocurrency wallet.
        digital_wallet (DigitalWallet | Unset): A digital wallet (PayPal-like or regional wallets) and the payment
            method underneath.
        gift_card (StoredValue | Unset): A gift card or store credit used to pay.
        installment_service (InstallmentService | Unset): An installment (pay later) service used for the payment.
        loyalty_points (LoyaltyPoints | Unset): Loyalty points used to pay.
        merchant_initiated (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
            gateway and platform payloads, whose members are defined by the sending system).
        mobile_money (MobileMoney | Unset): A mobile-money payment (e.g. M-Pesa).
        paypal (Paypal | Unset): A PayPal payment and what PayPal reported about the payer.
        recurring_payment (RecurringPayment | Unset): A recurring (subscription) payment and the order that started it.
        samsung_pay (CreditCard | Unset): A card payment (also tokenized cards and card-based wallets: Apple Pay,
            Google/Android Pay, Samsung Pay). Never a full card number: bin and lastFourDigits only.
        saved_data (SavedData | Unset): Whether the customer used data saved in the account.
        store_credit_used (StoredValue | Unset): A gift card or store credit used to pay.
        tokenized_card (CreditCard | Unset): A card payment (also tokenized cards and card-based wallets: Apple Pay,
            Google/Android Pay, Samsung Pay). Never a full card number: bin and lastFourDigits only.
        venmo (Venmo | Unset): A Venmo payment.
        number_of_installments (int | Unset):
        payment_method_nickname (str | Unset):
        default_payment_method (bool | Unset): Whether this is the account's default payment method.
        update_times (UpdateTimes | Unset): When something was created, modified, last used or removed (epoch seconds).
    """

    amount: Amount | Unset = UNSET
    android_pay: CreditCard | Unset = UNSET
    apple_pay: CreditCard | Unset = UNSET
    bank_transfer: BankAccount | Unset = UNSET
    billing_details: BillingDetails | Unset = UNSET
    credit_card: CreditCard | Unset = UNSET
    credit_line_details: CreditLineDetails | Unset = UNSET
    crypto_wallet: CryptoWallet | Unset = UNSET
    digital_wallet: DigitalWallet | Unset = UNSET
    gift_card: StoredValue | Unset = UNSET
    installment_service: InstallmentService | Unset = UNSET
    loyalty_points: LoyaltyPoints | Unset = UNSET
    merchant_initiated: FreeFormObject | Unset = UNSET
    mobile_money: MobileMoney | Unset = UNSET
    paypal: Paypal | Unset = UNSET
    recurring_payment: RecurringPayment | Unset = UNSET
    samsung_pay: CreditCard | Unset = UNSET
    saved_data: SavedData | Unset = UNSET
    store_credit_used: StoredValue | Unset = UNSET
    tokenized_card: CreditCard | Unset = UNSET
    venmo: Venmo | Unset = UNSET
    number_of_installments: int | Unset = UNSET
    payment_method_nickname: str | Unset = UNSET
    default_payment_method: bool | Unset = UNSET
    update_times: UpdateTimes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.bank_account import BankAccount  # noqa: PLC0415
        from ..models.billing_details import BillingDetails  # noqa: PLC0415
        from ..models.credit_card import CreditCard  # noqa: PLC0415
        from ..models.credit_line_details import CreditLineDetails  # noqa: PLC0415
        from ..models.crypto_wallet import CryptoWallet  # noqa: PLC0415
        from ..models.digital_wallet import DigitalWallet  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.installment_service import InstallmentService  # noqa: PLC0415
        from ..models.loyalty_points import LoyaltyPoints  # noqa: PLC0415
        from ..models.mobile_money import MobileMoney  # noqa: PLC0415
        from ..models.paypal import Paypal  # noqa: PLC0415
        from ..models.recurring_payment import RecurringPayment  # noqa: PLC0415
        from ..models.saved_data import SavedData  # noqa: PLC0415
        from ..models.stored_value import StoredValue  # noqa: PLC0415
        from ..models.update_times import UpdateTimes  # noqa: PLC0415
        from ..models.venmo import Venmo  # noqa: PLC0415

        amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amount, Unset):
            amount = self.amount.to_dict()

        android_pay: dict[str, Any] | Unset = UNSET
        if not isinstance(self.android_pay, Unset):
            android_pay = self.android_pay.to_dict()

        apple_pay: dict[str, Any] | Unset = UNSET
        if not isinstance(self.apple_pay, Unset):
            apple_pay = self.apple_pay.to_dict()

        bank_transfer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bank_transfer, Unset):
            bank_transfer = self.bank_transfer.to_dict()

        billing_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.billing_details, Unset):
            billing_details = self.billing_details.to_dict()

        credit_card: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credit_card, Unset):
            credit_card = self.credit_card.to_dict()

        credit_line_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credit_line_details, Unset):
            credit_line_details = self.credit_line_details.to_dict()

        crypto_wallet: dict[str, Any] | Unset = UNSET
        if not isinstance(self.crypto_wallet, Unset):
            crypto_wallet = self.crypto_wallet.to_dict()

        digital_wallet: dict[str, Any] | Unset = UNSET
        if not isinstance(self.digital_wallet, Unset):
            digital_wallet = self.digital_wallet.to_dict()

        gift_card: dict[str, Any] | Unset = UNSET
        if not isinstance(self.gift_card, Unset):
            gift_card = self.gift_card.to_dict()

        installment_service: dict[str, Any] | Unset = UNSET
        if not isinstance(self.installment_service, Unset):
            installment_service = self.installment_service.to_dict()

        loyalty_points: dict[str, Any] | Unset = UNSET
        if not isinstance(self.loyalty_points, Unset):
            loyalty_points = self.loyalty_points.to_dict()

        merchant_initiated: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_initiated, Unset):
            merchant_initiated = self.merchant_initiated.to_dict()

        mobile_money: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mobile_money, Unset):
            mobile_money = self.mobile_money.to_dict()

        paypal: dict[str, Any] | Unset = UNSET
        if not isinstance(self.paypal, Unset):
            paypal = self.paypal.to_dict()

        recurring_payment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recurring_payment, Unset):
            recurring_payment = self.recurring_payment.to_dict()

        samsung_pay: dict[str, Any] | Unset = UNSET
        if not isinstance(self.samsung_pay, Unset):
            samsung_pay = self.samsung_pay.to_dict()

        saved_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.saved_data, Unset):
            saved_data = self.saved_data.to_dict()

        store_credit_used: dict[str, Any] | Unset = UNSET
        if not isinstance(self.store_credit_used, Unset):
            store_credit_used = self.store_credit_used.to_dict()

        tokenized_card: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tokenized_card, Unset):
            tokenized_card = self.tokenized_card.to_dict()

        venmo: dict[str, Any] | Unset = UNSET
        if not isinstance(self.venmo, Unset):
            venmo = self.venmo.to_dict()

        number_of_installments = self.number_of_installments

        payment_method_nickname = self.payment_method_nickname

        default_payment_method = self.default_payment_method

        update_times: dict[str, Any] | Unset = UNSET
        if not isinstance(self.update_times, Unset):
            update_times = self.update_times.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if android_pay is not UNSET:
            field_dict["androidPay"] = android_pay
        if apple_pay is not UNSET:
            field_dict["applePay"] = apple_pay
        if bank_transfer is not UNSET:
            field_dict["bankTransfer"] = bank_transfer
        if billing_details is not UNSET:
            field_dict["billingDetails"] = billing_details
        if credit_card is not UNSET:
            field_dict["creditCard"] = credit_card
        if credit_line_details is not UNSET:
            field_dict["creditLineDetails"] = credit_line_details
        if crypto_wallet is not UNSET:
            field_dict["cryptoWallet"] = crypto_wallet
        if digital_wallet is not UNSET:
            field_dict["digitalWallet"] = digital_wallet
        if gift_card is not UNSET:
            field_dict["giftCard"] = gift_card
        if installment_service is not UNSET:
            field_dict["installmentService"] = installment_service
        if loyalty_points is not UNSET:
            field_dict["loyaltyPoints"] = loyalty_points
        if merchant_initiated is not UNSET:
            field_dict["merchantInitiated"] = merchant_initiated
        if mobile_money is not UNSET:
            field_dict["mobileMoney"] = mobile_money
        if paypal is not UNSET:
            field_dict["paypal"] = paypal
        if recurring_payment is not UNSET:
            field_dict["recurringPayment"] = recurring_payment
        if samsung_pay is not UNSET:
            field_dict["samsungPay"] = samsung_pay
        if saved_data is not UNSET:
            field_dict["savedData"] = saved_data
        if store_credit_used is not UNSET:
            field_dict["storeCreditUsed"] = store_credit_used
        if tokenized_card is not UNSET:
            field_dict["tokenizedCard"] = tokenized_card
        if venmo is not UNSET:
            field_dict["venmo"] = venmo
        if number_of_installments is not UNSET:
            field_dict["numberOfInstallments"] = number_of_installments
        if payment_method_nickname is not UNSET:
            field_dict["paymentMethodNickname"] = payment_method_nickname
        if default_payment_method is not UNSET:
            field_dict["defaultPaymentMethod"] = default_payment_method
        if update_times is not UNSET:
            field_dict["updateTimes"] = update_times

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.bank_account import BankAccount  # noqa: PLC0415
        from ..models.billing_details import BillingDetails  # noqa: PLC0415
        from ..models.credit_card import CreditCard  # noqa: PLC0415
        from ..models.credit_line_details import CreditLineDetails  # noqa: PLC0415
        from ..models.crypto_wallet import CryptoWallet  # noqa: PLC0415
        from ..models.digital_wallet import DigitalWallet  # noqa: PLC0415
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.installment_service import InstallmentService  # noqa: PLC0415
        from ..models.loyalty_points import LoyaltyPoints  # noqa: PLC0415
        from ..models.mobile_money import MobileMoney  # noqa: PLC0415
        from ..models.paypal import Paypal  # noqa: PLC0415
        from ..models.recurring_payment import RecurringPayment  # noqa: PLC0415
        from ..models.saved_data import SavedData  # noqa: PLC0415
        from ..models.stored_value import StoredValue  # noqa: PLC0415
        from ..models.update_times import UpdateTimes  # noqa: PLC0415
        from ..models.venmo import Venmo  # noqa: PLC0415

        d = dict(src_dict)
        _amount = d.pop("amount", UNSET)
        amount: Amount | Unset
        if isinstance(_amount, Unset):
            amount = UNSET
        else:
            amount = Amount.from_dict(_amount)

        _android_pay = d.pop("androidPay", UNSET)
        android_pay: CreditCard | Unset
        if isinstance(_android_pay, Unset):
            android_pay = UNSET
        else:
            android_pay = CreditCard.from_dict(_android_pay)

        _apple_pay = d.pop("applePay", UNSET)
        apple_pay: CreditCard | Unset
        if isinstance(_apple_pay, Unset):
            apple_pay = UNSET
        else:
            apple_pay = CreditCard.from_dict(_apple_pay)

        _bank_transfer = d.pop("bankTransfer", UNSET)
        bank_transfer: BankAccount | Unset
        if isinstance(_bank_transfer, Unset):
            bank_transfer = UNSET
        else:
            bank_transfer = BankAccount.from_dict(_bank_transfer)

        _billing_details = d.pop("billingDetails", UNSET)
        billing_details: BillingDetails | Unset
        if isinstance(_billing_details, Unset):
            billing_details = UNSET
        else:
            billing_details = BillingDetails.from_dict(_billing_details)

        _credit_card = d.pop("creditCard", UNSET)
        credit_card: CreditCard | Unset
        if isinstance(_credit_card, Unset):
            credit_card = UNSET
        else:
            credit_card = CreditCard.from_dict(_credit_card)

        _credit_line_details = d.pop("creditLineDetails", UNSET)
        credit_line_details: CreditLineDetails | Unset
        if isinstance(_credit_line_details, Unset):
            credit_line_details = UNSET
        else:
            credit_line_details = CreditLineDetails.from_dict(_credit_line_details)

        _crypto_wallet = d.pop("cryptoWallet", UNSET)
        crypto_wallet: CryptoWallet | Unset
        if isinstance(_crypto_wallet, Unset):
            crypto_wallet = UNSET
        else:
            crypto_wallet = CryptoWallet.from_dict(_crypto_wallet)

        _digital_wallet = d.pop("digitalWallet", UNSET)
        digital_wallet: DigitalWallet | Unset
        if isinstance(_digital_wallet, Unset):
            digital_wallet = UNSET
        else:
            digital_wallet = DigitalWallet.from_dict(_digital_wallet)

        _gift_card = d.pop("giftCard", UNSET)
        gift_card: StoredValue | Unset
        if isinstance(_gift_card, Unset):
            gift_card = UNSET
        else:
            gift_card = StoredValue.from_dict(_gift_card)

        _installment_service = d.pop("installmentService", UNSET)
        installment_service: InstallmentService | Unset
        if isinstance(_installment_service, Unset):
            installment_service = UNSET
        else:
            installment_service = InstallmentService.from_dict(_installment_service)

        _loyalty_points = d.pop("loyaltyPoints", UNSET)
        loyalty_points: LoyaltyPoints | Unset
        if isinstance(_loyalty_points, Unset):
            loyalty_points = UNSET
        else:
            loyalty_points = LoyaltyPoints.from_dict(_loyalty_points)

        _merchant_initiated = d.pop("merchantInitiated", UNSET)
        merchant_initiated: FreeFormObject | Unset
        if isinstance(_merchant_initiated, Unset):
            merchant_initiated = UNSET
        else:
            merchant_initiated = FreeFormObject.from_dict(_merchant_initiated)

        _mobile_money = d.pop("mobileMoney", UNSET)
        mobile_money: MobileMoney | Unset
        if isinstance(_mobile_money, Unset):
            mobile_money = UNSET
        else:
            mobile_money = MobileMoney.from_dict(_mobile_money)

        _paypal = d.pop("paypal", UNSET)
        paypal: Paypal | Unset
        if isinstance(_paypal, Unset):
            paypal = UNSET
        else:
            paypal = Paypal.from_dict(_paypal)

        _recurring_payment = d.pop("recurringPayment", UNSET)
        recurring_payment: RecurringPayment | Unset
        if isinstance(_recurring_payment, Unset):
            recurring_payment = UNSET
        else:
            recurring_payment = RecurringPayment.from_dict(_recurring_payment)

        _samsung_pay = d.pop("samsungPay", UNSET)
        samsung_pay: CreditCard | Unset
        if isinstance(_samsung_pay, Unset):
            samsung_pay = UNSET
        else:
            samsung_pay = CreditCard.from_dict(_samsung_pay)

        _saved_data = d.pop("savedData", UNSET)
        saved_data: SavedData | Unset
        if isinstance(_saved_data, Unset):
            saved_data = UNSET
        else:
            saved_data = SavedData.from_dict(_saved_data)

        _store_credit_used = d.pop("storeCreditUsed", UNSET)
        store_credit_used: StoredValue | Unset
        if isinstance(_store_credit_used, Unset):
            store_credit_used = UNSET
        else:
            store_credit_used = StoredValue.from_dict(_store_credit_used)

        _tokenized_card = d.pop("tokenizedCard", UNSET)
        tokenized_card: CreditCard | Unset
        if isinstance(_tokenized_card, Unset):
            tokenized_card = UNSET
        else:
            tokenized_card = CreditCard.from_dict(_tokenized_card)

        _venmo = d.pop("venmo", UNSET)
        venmo: Venmo | Unset
        if isinstance(_venmo, Unset):
            venmo = UNSET
        else:
            venmo = Venmo.from_dict(_venmo)

        number_of_installments = d.pop("numberOfInstallments", UNSET)

        payment_method_nickname = d.pop("paymentMethodNickname", UNSET)

        default_payment_method = d.pop("defaultPaymentMethod", UNSET)

        _update_times = d.pop("updateTimes", UNSET)
        update_times: UpdateTimes | Unset
        if isinstance(_update_times, Unset):
            update_times = UNSET
        else:
            update_times = UpdateTimes.from_dict(_update_times)

        payment = cls(
            amount=amount,
            android_pay=android_pay,
            apple_pay=apple_pay,
            bank_transfer=bank_transfer,
            billing_details=billing_details,
            credit_card=credit_card,
            credit_line_details=credit_line_details,
            crypto_wallet=crypto_wallet,
            digital_wallet=digital_wallet,
            gift_card=gift_card,
            installment_service=installment_service,
            loyalty_points=loyalty_points,
            merchant_initiated=merchant_initiated,
            mobile_money=mobile_money,
            paypal=paypal,
            recurring_payment=recurring_payment,
            samsung_pay=samsung_pay,
            saved_data=saved_data,
            store_credit_used=store_credit_used,
            tokenized_card=tokenized_card,
            venmo=venmo,
            number_of_installments=number_of_installments,
            payment_method_nickname=payment_method_nickname,
            default_payment_method=default_payment_method,
            update_times=update_times,
        )

        payment.additional_properties = d
        return payment

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
