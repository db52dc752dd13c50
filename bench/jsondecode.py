# Decode a 30 MB Octopus task collection (bench-out/tasks.json, made by gen_tasks_json.py)
# and walk it: count the successful tasks, sum a numeric field, count the links.
import json


def main():
    with open("bench-out/tasks.json", encoding="utf-8") as f:
        doc = json.loads(f.read())
    succeeded = 0
    seconds = 0
    links = 0
    for task in doc["Items"]:
        if task["State"] == "Success":
            succeeded = succeeded + 1
        seconds = seconds + task["DurationSeconds"]
        links = links + len(task["Links"])
    print(doc["TotalResults"], len(doc["Items"]), succeeded, seconds, links)


main()
