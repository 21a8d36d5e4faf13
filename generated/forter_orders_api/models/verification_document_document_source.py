from typing import Literal

VerificationDocumentDocumentSource = Literal[
    "CAMERA_CAPTURED", "OTHER", "TYPED", "UPLOADED_FILE"
]

VERIFICATION_DOCUMENT_DOCUMENT_SOURCE_VALUES: set[
    VerificationDocumentDocumentSource
] = {
    "CAMERA_CAPTURED",
    "OTHER",
    "TYPED",
    "UPLOADED_FILE",
}


def check_verification_document_document_source(
    value: str,
) -> VerificationDocumentDocumentSource:
    if value in VERIFICATION_DOCUMENT_DOCUMENT_SOURCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VERIFICATION_DOCUMENT_DOCUMENT_SOURCE_VALUES!r}"
    )
