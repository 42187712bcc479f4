"""Drives the Gemini API emulator with google-generativeai over REST, as a user's script would.

Only the endpoint (client_options.api_endpoint) and the credential are configured: the API key, or with
DRIVER_INPUT {"auth": "bearer"} Application Default Credentials (a service-account key whose token endpoint
is the emulator's). Everything else is the library's default. Each step's outcome goes into one JSON report, so the jest test asserts on what the
library returned rather than on this script's opinion. Steps that raise are reported with the error's type
and message instead of stopping the run.
"""
import io
import json
import os
import tempfile
import contextlib

import google.auth
import google.generativeai as genai
from google.api_core import exceptions

url = os.environ["EMULATOR_URL"]
driver_input = json.loads(os.environ.get("DRIVER_INPUT") or "{}")
if driver_input.get("auth") == "bearer":
    credentials, _ = google.auth.default(scopes=["https://www.googleapis.com/auth/generative-language.tuning"])
    genai.configure(credentials=credentials, transport="rest", client_options={"api_endpoint": url})
else:
    genai.configure(api_key=os.environ["EMULATOR_API_KEY"], transport="rest", client_options={"api_endpoint": url})

report = {}
BASE = "models/gemini-1.5-flash-001-tuning"
EXAMPLES = [{"text_input": str(n), "output": str(n + 1)} for n in range(1, 9)]


def step(name):
    """Runs the decorated function now and records its result (or its error) under `name`."""
    def run(fn):
        try:
            report[name] = fn()
        except Exception as err:  # noqa: BLE001 - the report carries any failure to the test
            report[name] = {"error": type(err).__name__, "message": str(err)[:500]}
        return fn
    return run


def name_of(value):
    """An enum member's name; the library hands some enums back as their names already."""
    return getattr(value, "name", value)


def http_error(err):
    """What a REST error told the library: its exception class, HTTP code and Google status."""
    status = err.response.json()["error"]["status"] if err.response is not None else None
    return {"type": type(err).__name__, "code": err.code, "status": status}


def snapshots_of(model):
    return [{"step": s["step"], "epoch": s["epoch"]} for s in model.tuning_task.snapshots]


@step("baseModels")
def _():
    return [m.name for m in genai.list_models() if "createTunedModel" in m.supported_generation_methods]


@step("inline")
def _():
    op = genai.create_tuned_model(
        source_model=BASE, training_data=EXAMPLES, id="py-inline", display_name="py inline",
        epoch_count=1, batch_size=2, learning_rate=0.001,
    )
    first = {"name": op.name, "totalSteps": op.metadata.total_steps, "tunedModel": op.metadata.tuned_model}
    model = op.result()
    return {
        "first": first,
        "done": op.done(),
        "model": {"name": model.name, "state": model.state.name, "baseModel": model.base_model},
        "snapshots": snapshots_of(model),
        "completedPercent": op.metadata.completed_percent,
    }


@step("csv")
def _():
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("text_input,output\n" + "".join(f"{e['text_input']},{e['output']}\n" for e in EXAMPLES))
    op = genai.create_tuned_model(source_model=BASE, training_data=f.name, id="py-csv", epoch_count=1, batch_size=4)
    statuses = []
    with contextlib.redirect_stderr(io.StringIO()):
        for status in op.wait_bar():
            statuses.append(status.completed_steps)
    model = op.result()
    return {"state": model.state.name, "totalSteps": op.metadata.total_steps, "sawProgress": len(statuses) > 0,
            "lastCompleted": op.metadata.completed_steps}


@step("json")
def _():
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(EXAMPLES, f)
    op = genai.create_tuned_model(source_model=BASE, training_data=f.name, id="py-json", epoch_count=2, batch_size=4)
    model = op.result()
    return {"state": model.state.name, "snapshots": snapshots_of(model), "totalSteps": op.metadata.total_steps}


@step("get")
def _():
    model = genai.get_tuned_model("tunedModels/py-inline")
    return {"name": model.name, "state": model.state.name, "displayName": model.display_name,
            "epochCount": model.tuning_task.hyperparameters.epoch_count}


@step("listPageSize1")
def _():
    return sorted(m.name for m in genai.list_tuned_models(page_size=1))


@step("update")
def _():
    model = genai.update_tuned_model("tunedModels/py-inline", {"description": "updated from python"})
    return {"description": model.description, "reread": genai.get_tuned_model("tunedModels/py-inline").description}


@step("permissions")
def _():
    model = genai.get_tuned_model("tunedModels/py-inline")
    created = model.permissions.create(role="READER", grantee_type="USER", email_address="reader@example.com")
    updated = created.update({"role": "WRITER"})
    listed = sorted(f"{name_of(p.grantee_type)}:{name_of(p.role)}" for p in model.permissions.list())
    got = genai.types.Permissions.get(created.name)
    created.delete()
    after = sorted(f"{name_of(p.grantee_type)}:{name_of(p.role)}" for p in model.permissions.list())
    return {"updated": name_of(updated.role), "got": name_of(got.role), "listed": listed, "afterDelete": after}


@step("generate")
def _():
    response = genai.GenerativeModel("tunedModels/py-inline").generate_content("3")
    return {"text": response.text, "finishReason": response.candidates[0].finish_reason.name}


@step("stream")
def _():
    chunks = list(genai.GenerativeModel("tunedModels/py-inline").generate_content("5", stream=True))
    return {"chunks": len(chunks), "text": "".join(c.text for c in chunks)}


@step("notFound")
def _():
    try:
        genai.get_tuned_model("tunedModels/does-not-exist")
    except exceptions.GoogleAPICallError as err:
        return http_error(err)
    return {"error": "no exception"}


@step("alreadyExists")
def _():
    try:
        genai.create_tuned_model(source_model=BASE, training_data=EXAMPLES, id="py-inline")
    except exceptions.GoogleAPICallError as err:
        return http_error(err)
    return {"error": "no exception"}


@step("invalidArgument")
def _():
    try:
        genai.create_tuned_model(source_model=BASE, training_data=EXAMPLES, id="Bad_Id")
    except exceptions.GoogleAPICallError as err:
        return http_error(err)
    return {"error": "no exception"}


@step("delete")
def _():
    genai.delete_tuned_model("tunedModels/py-json")
    try:
        genai.get_tuned_model("tunedModels/py-json")
    except exceptions.NotFound:
        return {"gone": True}
    return {"gone": False}


print(json.dumps(report))
