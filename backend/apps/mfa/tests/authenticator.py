"""A software WebAuthn authenticator for the tests: an EC P-256 key, "none" attestation, real signatures.

It answers the options the API hands out the way a browser with a platform authenticator
would, and @simplewebauthn/browser would pass on: the same JSON (camelCase, base64url).
"""

import base64
import hashlib
import json
import os
import struct
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings

FLAG_USER_PRESENT = 0x01
FLAG_USER_VERIFIED = 0x04
FLAG_ATTESTED_DATA = 0x40


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class SoftAuthenticator:
    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.sign_count = 0
        self.user_handle: str | None = None

    def _cose_public_key(self) -> bytes:
        numbers = self.key.public_key().public_numbers()
        return cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})

    def _authenticator_data(self, *, rp_id: str, flags: int, attested: bool) -> bytes:
        data = hashlib.sha256(rp_id.encode()).digest() + bytes([flags]) + struct.pack(">I", self.sign_count)
        if attested:
            data += bytes(16) + struct.pack(">H", len(self.credential_id)) + self.credential_id
            data += self._cose_public_key()
        return data

    @staticmethod
    def _client_data(*, kind: str, challenge: str, origin: str | None) -> bytes:
        origin = origin or settings.WEBAUTHN_ORIGINS[0]
        return json.dumps({"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": False}).encode()

    def create(
        self, options: dict[str, Any], *, origin: str | None = None, rp_id: str | None = None, verified: bool = True
    ) -> dict[str, Any]:
        """The answer to ``navigator.credentials.create(options)``."""
        self.user_handle = options["user"]["id"]
        flags = FLAG_USER_PRESENT | FLAG_ATTESTED_DATA | (FLAG_USER_VERIFIED if verified else 0)
        auth_data = self._authenticator_data(rp_id=rp_id or options["rp"]["id"], flags=flags, attested=True)
        client_data = self._client_data(kind="webauthn.create", challenge=options["challenge"], origin=origin)
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation),
                "transports": ["internal"],
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }

    def get(
        self,
        options: dict[str, Any],
        *,
        origin: str | None = None,
        rp_id: str | None = None,
        verified: bool = True,
    ) -> dict[str, Any]:
        """The answer to ``navigator.credentials.get(options)``, signed with the key."""
        self.sign_count += 1
        flags = FLAG_USER_PRESENT | (FLAG_USER_VERIFIED if verified else 0)
        auth_data = self._authenticator_data(rp_id=rp_id or options["rpId"], flags=flags, attested=False)
        client_data = self._client_data(kind="webauthn.get", challenge=options["challenge"], origin=origin)
        signature = self.key.sign(auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(auth_data),
                "signature": b64url(signature),
                "userHandle": self.user_handle,
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }
