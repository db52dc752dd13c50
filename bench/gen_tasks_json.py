#!/usr/bin/env python3
"""Write a large Octopus-style task collection for the JSON benchmark.

The document has the shape of `GET /api/tasks` (see shared research, octopus-api.md): a page
object with ItemType, TotalResults, ItemsPerPage, NumberOfPages, LastPageNumber, Items and Links,
and ServerTask items with the observed fields, Arguments and the Links block. Descriptions mix
ASCII, raw UTF-8 and \\u escapes, some error messages carry escaped quotes and newlines, and
`DurationSeconds` (not in the real API: Octopus sends Duration as text) is the numeric field the
benchmark sums. Output is deterministic for a given size and seed, pretty-printed with two-space
indentation as the Octopus server sends it.

usage: gen_tasks_json.py OUT [--mb 30] [--seed 42]
"""
import argparse
import json
import os
import random
import sys

STATES = ["Success"] * 6 + ["Failed", "Canceled", "TimedOut", "Executing", "Queued"]
PROJECTS = ["OctoFX Rate Service", "OctoFX Trading Website", "Web", "Billing API",
            "Déploiement Facturation", "Data Warehouse ETL", "Mobile Backend", "Identity"]
ENVIRONMENTS = ["Development", "Test", "Acceptance", "Staging", "Production"]
NAMES = ["Deploy", "Deploy", "Deploy", "RunbookRun", "Health", "Retention", "Backup", "AdHocScript"]
ERRORS = [
    "The deployment failed because one or more steps failed. Please see the deployment log for details.",
    "Step \"Deploy Web\" failed:\n  Exit code 1 from \"dotnet\" on Machines-14 (web-01)",
    "Timed out after 00:30:00 waiting for a healthy target \u2014 see Links.Details",
    "Canceled by Users-1 (admin@example.com)",
]


def timestamp(rng, base):
    seconds = base + rng.randrange(0, 86400 * 365)
    day, rest = divmod(seconds, 86400)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    month, mday = 1 + day // 31 % 12, 1 + day % 28
    return seconds, f"2024-{month:02d}-{mday:02d}T{hour:02d}:{minute:02d}:{second:02d}.{rng.randrange(1000):03d}+00:00"


def task(rng, n):
    tid = f"ServerTasks-{n}"
    state = rng.choice(STATES)
    name = rng.choice(NAMES)
    project = rng.choice(PROJECTS)
    environment = rng.choice(ENVIRONMENTS)
    version = f"{rng.randrange(1, 5)}.{rng.randrange(0, 40)}.{rng.randrange(0, 99999)}"
    duration = rng.randrange(1, 5400)
    queued, queue_time = timestamp(rng, 0)
    _, start_time = timestamp(rng, queued)
    completed = state not in ("Executing", "Queued")
    return {
        "Id": tid,
        "SpaceId": f"Spaces-{rng.randrange(1, 4)}",
        "Name": name,
        "Description": f"Deploy {project} release {version} to {environment}" if name == "Deploy"
        else f"{name} for {project} \u2192 {environment} (spaces: \"Default\")",
        "Arguments": {
            "DeploymentId": f"Deployments-{rng.randrange(1, 10**6)}",
            "EnvironmentId": f"Environments-{ENVIRONMENTS.index(environment) + 1}",
            "ProjectId": f"Projects-{PROJECTS.index(project) + 1}",
        },
        "State": state,
        "Completed": "Monday, March 20, 2017 9:00 PM" if completed else None,
        "QueueTime": queue_time,
        "QueueTimeExpiry": None,
        "StartTime": start_time if state != "Queued" else None,
        "LastUpdatedTime": start_time,
        "CompletedTime": start_time if completed else None,
        "ServerNode": rng.choice(["DEMO", "octopus-node-1", "octopus-node-2"]),
        "Duration": f"{duration // 60} minutes" if duration >= 60 else f"{duration} seconds",
        "DurationSeconds": duration,
        "ErrorMessage": rng.choice(ERRORS) if state in ("Failed", "TimedOut", "Canceled") else "",
        "HasBeenPickedUpByProcessor": state != "Queued",
        "IsCompleted": completed,
        "FinishedSuccessfully": state == "Success",
        "HasPendingInterruptions": rng.random() < 0.05,
        "CanRerun": False,
        "HasWarningsOrErrors": rng.random() < 0.2,
        "EstimatedRemainingQueueDurationSeconds": round(rng.random() * 100, 3),
        "Links": {
            "Self": f"/api/tasks/{tid}",
            "Web": f"/app#/tasks/{tid}",
            "Raw": f"/api/tasks/{tid}/raw",
            "Rerun": f"/api/tasks/rerun/{tid}",
            "Cancel": f"/api/tasks/{tid}/cancel",
            "QueuedBehind": f"/api/tasks/{tid}/queued-behind{{?skip}}",
            "Details": f"/api/tasks/{tid}/details{{?verbose,tail}}",
            "Artifacts": f"/api/artifacts?regarding={tid}",
            "Interruptions": f"/api/interruptions?regarding={tid}",
        },
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--mb", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=42)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    target = int(options.mb * 1_000_000)
    items, size, n = [], 0, 1000
    while size < target:
        item = task(rng, n)
        size += len(json.dumps(item, indent=2, ensure_ascii=False).encode()) + 4 * 40  # nesting
        items.append(item)
        n += 1
    document = {
        "ItemType": "Task",
        "TotalResults": len(items),
        "ItemsPerPage": len(items),
        "NumberOfPages": 1,
        "LastPageNumber": 0,
        "Items": items,
        "Links": {
            "Self": "/api/tasks?skip=0&take=" + str(len(items)),
            "Template": "/api/tasks{?skip,active,environment,project,name,node,running,states,take,ids}",
            "Page.All": "/api/tasks?skip=0&take=2147483647",
            "Page.Current": "/api/tasks?skip=0&take=" + str(len(items)),
            "Page.Last": "/api/tasks?skip=0&take=" + str(len(items)),
        },
    }
    tmp = options.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, options.out)
    print(f"{options.out}: {os.path.getsize(options.out) / 1e6:.1f} MB, {len(items)} tasks",
          file=sys.stderr)


if __name__ == "__main__":
    main()
