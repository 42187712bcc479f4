"""Evaluation during tuning through google-genai in Vertex mode, unchanged but for the base URL, on its default
API version, with Application Default Credentials: tunings.tune with an evaluation_config (BLEU and ROUGE-L),
then tunings.get until the job ends, reading its evaluate_dataset_runs back.
Prints one JSON object of what the calls returned (see ../../runDriver.ts for the environment).
"""
import json
import os
import time

from google import genai
from google.genai import types

driver_input = json.loads(os.environ["DRIVER_INPUT"])
client = genai.Client(
    vertexai=True,
    project=os.environ["GOOGLE_CLOUD_PROJECT"],
    location=os.environ["GOOGLE_CLOUD_LOCATION"],
    http_options=types.HttpOptions(base_url=os.environ["EMULATOR_URL"]),
)

created = client.tunings.tune(
    base_model="gemini-2.5-flash",
    training_dataset=types.TuningDataset(gcs_uri=driver_input["trainingDatasetUri"]),
    config=types.CreateTuningJobConfig(
        epoch_count=2,
        evaluation_config=types.EvaluationConfig(
            metrics=[types.Metric(name="bleu"), types.Metric(name="rouge_l")],
            output_config=types.OutputConfig(gcs_destination=types.GcsDestination(output_uri_prefix=driver_input["outputUriPrefix"])),
        ),
    ),
)
job = client.tunings.get(name=created.name)
for _ in range(1000):
    if job.state.value not in ("JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_QUEUED"):
        break
    time.sleep(0.01)
    job = client.tunings.get(name=created.name)

runs = [run.model_dump(mode="json", exclude_none=True, by_alias=True) for run in job.evaluate_dataset_runs or []]
print(json.dumps({"name": created.name, "state": job.state.value, "runs": runs}))
