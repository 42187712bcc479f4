"""Drives Vertex AI tuning through google-genai in Vertex mode, unchanged but for the base URL, on its default
API version, with Application Default Credentials (a service-account key whose token_uri is the emulator's):
tunings.tune, get, list (page size 1), cancel, and models.generate_content and generate_content_stream on the
tuned model's endpoint.
Prints one JSON object of what each call returned (see ../../runDriver.ts for the environment).
"""
import json
import os
import time
import urllib.request

from google import genai
from google.genai import errors, types

driver_input = json.loads(os.environ["DRIVER_INPUT"])
project = os.environ["GOOGLE_CLOUD_PROJECT"]
location = os.environ["GOOGLE_CLOUD_LOCATION"]
client = genai.Client(
    vertexai=True,
    project=project,
    location=location,
    http_options=types.HttpOptions(base_url=os.environ["EMULATOR_URL"]),
)


def tune(display_name):
    return client.tunings.tune(
        base_model="gemini-2.5-flash",
        training_dataset=types.TuningDataset(gcs_uri=driver_input["trainingDatasetUri"]),
        config=types.CreateTuningJobConfig(
            tuned_model_display_name=display_name,
            epoch_count=2,
            adapter_size=types.AdapterSize.ADAPTER_SIZE_FOUR,
        ),
    )


def state_of(job):
    return job.state.value if job.state is not None else None


def emulator_control(path):
    """Calls the emulator's control API (POST /emulator/<path>), outside Google's surface."""
    request = urllib.request.Request(os.environ["EMULATOR_URL"].rstrip("/") + "/emulator/" + path, data=b"{}", method="POST", headers={"content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        response.read()


out = {}
created = tune("python job")
out["created"] = {"name": created.name, "state": state_of(created)}

# Training is held while the second job is created and cancelled: with 5 ms steps a busy machine could
# otherwise let it finish first, and a finished job cannot be cancelled.
emulator_control("training/pause")
second = tune("python second")
client.tunings.cancel(name=second.name)
emulator_control("training/resume")
cancelled = client.tunings.get(name=second.name)
out["cancelled"] = {"name": second.name, "state": state_of(cancelled), "errorCode": cancelled.error.code if cancelled.error else None}

pager = client.tunings.list(config=types.ListTuningJobsConfig(page_size=1))
first_page = [job.name for job in pager.page]
out["list"] = {"firstPage": first_page, "all": [job.name for job in pager]}

job = client.tunings.get(name=created.name)
for _ in range(1000):
    if state_of(job) not in ("JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_QUEUED"):
        break
    time.sleep(0.01)
    job = client.tunings.get(name=created.name)
out["job"] = {"state": state_of(job), "model": job.tuned_model.model, "endpoint": job.tuned_model.endpoint}

out["answer"] = client.models.generate_content(model=job.tuned_model.endpoint, contents="3").text
out["streamed"] = [chunk.text for chunk in client.models.generate_content_stream(model=job.tuned_model.endpoint, contents="5")]

try:
    client.tunings.get(name=f"projects/{project}/locations/{location}/tuningJobs/404")
    out["notFound"] = "resolved"
except errors.APIError as error:
    out["notFound"] = {"code": error.code, "status": error.status}

print(json.dumps(out))
