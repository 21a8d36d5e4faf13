"""A complete Forter Order v3 integration for a checkout, ready to copy.

Configure it with environment variables (never hard-code the secret key):

    FORTER_SITE_ID=...  FORTER_SECRET_KEY=...  python examples/integration.py

Against the local mock (``forter-orders mock`` prints the URL and test credentials):

    FORTER_BASE_URL=http://127.0.0.1:8765 FORTER_SITE_ID=mock-site \
        FORTER_SECRET_KEY=mock_secret_key python examples/integration.py

What it shows: one client for the whole process (connection pooling), building a web and a
native-app order with the builders, validation before sending, acting on the decision,
handling every error class, and failing open (Forter's advice: retry once, then let the order
through and resend it later) without losing track of which orders Forter never saw.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from decimal import Decimal

from forter_orders import (
    APIConnectionError,
    AuthenticationError,
    BadRequestError,
    FallbackPolicy,
    ForterClient,
    ForterError,
    Order,
    OrderValidationError,
    build_mobile_order,
    build_web_order,
    cart_item,
    is_fallback,
    money,
)
from forter_orders.models import AccountOwner

log = logging.getLogger("shop.checkout")

# Orders that got a local fail-open decision; a background job resends them to Forter later.
RESEND_QUEUE: list[str] = []


def web_checkout_order(order_id: str, email: str, token_cookie: str) -> Order:
    """What the checkout page knows, turned into an Order v3 request.

    ``token_cookie`` is the ``forterToken`` cookie that Forter's JS snippet set in the browser.
    """
    price = money(Decimal("110"), "USD")
    return build_web_order(
        order_id=order_id,
        customer_ip="203.0.113.7",
        user_agent="Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15",
        forter_token_cookie=token_cookie,
        cart_items=[cart_item("White handbag", price, 1, product_id="sku-123")],
        total_amount=money(Decimal("120.73"), "USD"),
        checkout_time=datetime.now(UTC),
        account_owner=AccountOwner(email=email, first_name="John", last_name="Smith"),
    )


def app_checkout_order(order_id: str, email: str) -> Order:
    """The same from the iOS app: the mobile SDK's device id instead of the web cookie."""
    return build_mobile_order(
        order_id=order_id,
        order_type="IOS",
        forter_mobile_uid="10EG-891C-4725-BC45-45B3EDF95315",
        customer_ip="38.23.217.48",
        user_agent="demoApparelApp/22.37.7 (prod; iOS 16.1.2; iPhone14,2)",
        mobile_app_version="22.37.7",
        mobile_os_type="iOS",
        mobile_device_brand="Apple",
        mobile_device_model="iPhone14,2",
        cart_items=[cart_item("Generic shoe", money(Decimal("59.90"), "USD"))],
        total_amount=money(Decimal("59.90"), "USD"),
        checkout_time=datetime.now(UTC),
        account_owner=AccountOwner(email=email),
    )


def decide(forter: ForterClient, order: Order) -> str:
    """Ask Forter and return what the shop should do: "capture", "cancel" or "review"."""
    try:
        decision = forter.orders.create(order)
    except OrderValidationError as exc:
        # A bug in how we build orders: nothing was sent. Every problem has a field path.
        for problem in exc.problems:
            log.error("order %s: %s", order.order_id, problem)
        raise
    except AuthenticationError:
        # Wrong secret key or site id: a configuration error, page someone.
        log.critical("Forter rejected our credentials; check FORTER_SITE_ID/FORTER_SECRET_KEY")
        raise
    except BadRequestError as exc:
        # Forter refused the body: log what it said and quote the request id to support.
        log.error("Forter refused order %s (request %s): %s", order.order_id, exc.request_id, exc)
        raise
    except APIConnectionError:
        # Only reached when fail-open is off (it is on below): Forter was unreachable.
        raise

    if is_fallback(decision):
        # Forter did not answer in time (after one retry). Let the order through as Forter
        # advises, and resend it so that Forter still sees it.
        log.warning(
            "order %s: no Forter decision (%s); resending later", order.order_id, decision.reason
        )
        RESEND_QUEUE.append(order.order_id)
        return "capture"

    if decision.forter_decision == "APPROVE":
        return "capture"
    if decision.forter_decision == "DECLINE":
        return "cancel"
    # NOT_REVIEWED, or a value Forter adds in the future: follow your own policy.
    return "review"


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # One client per process: it holds the connection pool. The defaults follow Forter's
    # guidance: 4 s per attempt, one retry, 8 s in total; fail-open is opt-in.
    with ForterClient(fallback=FallbackPolicy(decision="APPROVE")) as forter:
        orders = [
            web_checkout_order("web-1001", "approve@forter.com", "2315688945984e9ca69d4e2b_ftr"),
            app_checkout_order("app-1002", "decline@forter.com"),
        ]
        for order in orders:
            try:
                action = decide(forter, order)
            except ForterError as exc:
                print(f"{order.order_id}: error {type(exc).__name__}")
                return 1
            print(f"{order.order_id}: {action}")
    if RESEND_QUEUE:
        print(f"to resend: {', '.join(RESEND_QUEUE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
