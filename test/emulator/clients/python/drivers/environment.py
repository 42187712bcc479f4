"""Reports the installed client versions and fetches a token with the offline credentials.

Proves the environment the Python client tests run in: the pinned clients import, and Application Default
Credentials (a service-account key file pointing at the emulator's token endpoint) yield a bearer token.
"""
import json
from importlib.metadata import version

import google.auth
import google.auth.transport.requests

credentials, _ = google.auth.default(scopes=["https://www.googleapis.com/auth/cloud-platform"])
credentials.refresh(google.auth.transport.requests.Request())

print(json.dumps({
    "versions": {name: version(name) for name in ["google-genai", "google-generativeai", "google-auth"]},
    "tokenPrefix": credentials.token.split("-")[0] + "-",
}))
