"""Contains all the data models used in inputs/outputs"""

from .accommodation import Accommodation
from .account_owner import AccountOwner
from .acquirer_data import AcquirerData
from .additional_identifiers import AdditionalIdentifiers
from .address import Address
from .amount import Amount
from .bank_account import BankAccount
from .basic_item_data import BasicItemData
from .basic_item_data_type import BasicItemDataType
from .billing_details import BillingDetails
from .cart_item import CartItem
from .comments import Comments
from .connection_information import ConnectionInformation
from .credit_card import CreditCard
from .credit_line_details import CreditLineDetails
from .crypto_wallet import CryptoWallet
from .customer_account_data import CustomerAccountData
from .customer_engagement import CustomerEngagement
from .customer_engagement_item import CustomerEngagementItem
from .delivery_details import DeliveryDetails
from .delivery_details_delivery_type import DeliveryDetailsDeliveryType
from .digital_goods_and_services import DigitalGoodsAndServices
from .digital_wallet import DigitalWallet
from .discount import Discount
from .duration import Duration
from .email_in_account import EmailInAccount
from .employment_information import EmploymentInformation
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .food import Food
from .free_form_object import FreeFormObject
from .gaming import Gaming
from .geo_location import GeoLocation
from .historical_data import HistoricalData
from .installment_service import InstallmentService
from .invite import Invite
from .ip_record import IpRecord
from .item_return_data import ItemReturnData
from .item_specific_data import ItemSpecificData
from .loyalty_points import LoyaltyPoints
from .magento_additional_order_data import MagentoAdditionalOrderData
from .merchant_identifiers import MerchantIdentifiers
from .mobile_money import MobileMoney
from .order import Order
from .order_authorization_step import OrderAuthorizationStep
from .order_decision import OrderDecision
from .order_decision_forter_decision import OrderDecisionForterDecision
from .order_decision_recommendation import OrderDecisionRecommendation
from .order_order_type import OrderOrderType
from .payment import Payment
from .payment_gateway_data import PaymentGatewayData
from .payment_processor_data import PaymentProcessorData
from .paypal import Paypal
from .personal_details import PersonalDetails
from .phone import Phone
from .phone_order_information import PhoneOrderInformation
from .physical_goods import PhysicalGoods
from .pos_details import PosDetails
from .professional_services import ProfessionalServices
from .psd_2_exemption import Psd2Exemption
from .rating import Rating
from .recipient import Recipient
from .recurring_payment import RecurringPayment
from .saved_data import SavedData
from .seller import Seller
from .seller_details import SellerDetails
from .shopify_additional_item_data import ShopifyAdditionalItemData
from .shopify_additional_order_data import ShopifyAdditionalOrderData
from .social_network_profile import SocialNetworkProfile
from .stored_value import StoredValue
from .three_d_secure import ThreeDSecure
from .three_ds_result import ThreeDsResult
from .tickets_and_events import TicketsAndEvents
from .transport import Transport
from .transport_location import TransportLocation
from .underlying_payment_method import UnderlyingPaymentMethod
from .update_times import UpdateTimes
from .venmo import Venmo
from .verification_document import VerificationDocument
from .verification_document_document_source import VerificationDocumentDocumentSource
from .verification_flags import VerificationFlags
from .verification_method import VerificationMethod
from .verification_method_status import VerificationMethodStatus
from .verification_method_type import VerificationMethodType
from .verification_results import VerificationResults
from .verification_specific_data import VerificationSpecificData
from .web_hosting import WebHosting

__all__ = (
    "Accommodation",
    "AccountOwner",
    "AcquirerData",
    "AdditionalIdentifiers",
    "Address",
    "Amount",
    "BankAccount",
    "BasicItemData",
    "BasicItemDataType",
    "BillingDetails",
    "CartItem",
    "Comments",
    "ConnectionInformation",
    "CreditCard",
    "CreditLineDetails",
    "CryptoWallet",
    "CustomerAccountData",
    "CustomerEngagement",
    "CustomerEngagementItem",
    "DeliveryDetails",
    "DeliveryDetailsDeliveryType",
    "DigitalGoodsAndServices",
    "DigitalWallet",
    "Discount",
    "Duration",
    "EmailInAccount",
    "EmploymentInformation",
    "ErrorDetail",
    "ErrorResponse",
    "Food",
    "FreeFormObject",
    "Gaming",
    "GeoLocation",
    "HistoricalData",
    "InstallmentService",
    "Invite",
    "IpRecord",
    "ItemReturnData",
    "ItemSpecificData",
    "LoyaltyPoints",
    "MagentoAdditionalOrderData",
    "MerchantIdentifiers",
    "MobileMoney",
    "Order",
    "OrderAuthorizationStep",
    "OrderDecision",
    "OrderDecisionForterDecision",
    "OrderDecisionRecommendation",
    "OrderOrderType",
    "Payment",
    "PaymentGatewayData",
    "PaymentProcessorData",
    "Paypal",
    "PersonalDetails",
    "Phone",
    "PhoneOrderInformation",
    "PhysicalGoods",
    "PosDetails",
    "ProfessionalServices",
    "Psd2Exemption",
    "Rating",
    "Recipient",
    "RecurringPayment",
    "SavedData",
    "Seller",
    "SellerDetails",
    "ShopifyAdditionalItemData",
    "ShopifyAdditionalOrderData",
    "SocialNetworkProfile",
    "StoredValue",
    "ThreeDSecure",
    "ThreeDsResult",
    "TicketsAndEvents",
    "Transport",
    "TransportLocation",
    "UnderlyingPaymentMethod",
    "UpdateTimes",
    "Venmo",
    "VerificationDocument",
    "VerificationDocumentDocumentSource",
    "VerificationFlags",
    "VerificationMethod",
    "VerificationMethodStatus",
    "VerificationMethodType",
    "VerificationResults",
    "VerificationSpecificData",
    "WebHosting",
)
