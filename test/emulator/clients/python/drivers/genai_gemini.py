"""Drives the Gemini API emulator with google-genai (Gemini API mode, its default API version).

Only the base URL and the API key are configured. The tuned model named in DRIVER_INPUT {"model": ...} was
created by the test beforehand; this reports what generate_content (plain and streamed) returned, and what
the library raises for calls its default version (v1) does not bind.
"""
import json
import os

from google import genai
from google.genai import errors, types

driver_input = json.loads(os.environ.get("DRIVER_INPUT") or "{}")
model = driver_input["model"]
client = genai.Client(
    api_key=os.environ["EMULATOR_API_KEY"],
    http_options=types.HttpOptions(base_url=os.environ["EMULATOR_URL"]),
)
report = {"apiVersion": client._api_client._http_options.api_version}

answer = client.models.generate_content(model=model, contents="3")
report["generate"] = {"text": answer.text, "finishReason": answer.candidates[0].finish_reason.name}

chunks = list(client.models.generate_content_stream(model=model, contents="5"))
report["stream"] = {"chunks": len(chunks), "text": "".join(c.text or "" for c in chunks)}

try:
    client.models.generate_content(model="tunedModels/does-not-exist", contents="1")
    report["notFound"] = {"error": "no exception"}
except errors.ClientError as err:
    report["notFound"] = {"code": err.code, "status": err.status}

print(json.dumps(report))
