"""A FastAPI checkout that asks Forter with AsyncForterClient.

One client for the whole process (opened and closed by the app's lifespan, so its connection
pool is shared by every request), the order built with the builders from the shop's own
checkout payload, fail-open when Forter cannot answer, and every decision value handled -
including one Forter adds later. Configuration comes from the environment:

    pip install './forter-orders[all]' fastapi uvicorn   # from a clone (not on PyPI yet)
    forter-orders mock &        # prints its URL and test credentials
    FORTER_SITE_ID=mock-site FORTER_SECRET_KEY=mock_secret_key \
        FORTER_BASE_URL=http://127.0.0.1:8765 uvicorn fastapi_checkout:app
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Literal

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

from forter_orders import (
    AsyncForterClient,
    FallbackPolicy,
    OrderValidationError,
    UnknownValue,
    build_web_order,
    cart_item,
    is_fallback,
    money,
)
from forter_orders.models import AccountOwner

log = logging.getLogger("shop.checkout")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # FORTER_SITE_ID / FORTER_SECRET_KEY (/ FORTER_BASE_URL) from the environment.
    async with AsyncForterClient(fallback=FallbackPolicy(decision="APPROVE")) as forter:
        app.state.forter = forter
        yield


app = FastAPI(lifespan=lifespan)


class Item(BaseModel):
    name: str
    price: Decimal  # a unit price in the checkout currency, never a float
    quantity: int = 1


class Checkout(BaseModel):
    email: str
    currency: str
    items: list[Item]
    forter_token: str  # the cookie Forter's JS snippet set in the browser


class Verdict(BaseModel):
    order_id: str
    action: Literal["capture", "cancel", "review"]
    forter_decision: str
    fallback: bool


@app.post("/checkout/{order_id}")
async def checkout(order_id: str, body: Checkout, request: Request) -> Verdict:
    forter: AsyncForterClient = request.app.state.forter
    try:
        order = build_web_order(
            order_id=order_id,
            customer_ip=request.client.host if request.client else "0.0.0.0",  # noqa: S104
            user_agent=request.headers.get("user-agent", "unknown"),
            forter_token_cookie=body.forter_token,
            cart_items=[
                cart_item(i.name, money(i.price, body.currency), i.quantity) for i in body.items
            ],
            total_amount=money(sum(i.price * i.quantity for i in body.items), body.currency),
            checkout_time=datetime.now(UTC),
            account_owner=AccountOwner(email=body.email),
        )
        decision = await forter.orders.create(order)
    except OrderValidationError as exc:  # nothing was sent: tell the caller which field
        raise HTTPException(422, detail=[str(problem) for problem in exc.problems]) from None
    if is_fallback(decision):  # Forter did not answer in time: let it through, resend later
        log.warning("order %s: no Forter decision (%s)", order_id, decision.reason)
    action: Literal["capture", "cancel", "review"]
    match decision.forter_decision:
        case "APPROVE":
            action = "capture"
        case "DECLINE":
            action = "cancel"
        case "NOT_REVIEWED" | UnknownValue():  # UnknownValue: a value Forter added later
            action = "review"
    return Verdict(
        order_id=order_id,
        action=action,
        forter_decision=str(decision.forter_decision),
        fallback=is_fallback(decision),
    )
