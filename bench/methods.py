# 200,000 objects with string keys through closures: where, map with interpolation, sortBy.
def main():
    envs = ["Production", "Staging", "Test", "Dev"]
    tasks = []
    for i in range(200000):
        tasks.append({"Id": f"task-{i}", "Env": envs[i % 4],
                      "State": "Failed" if i % 5 == 0 else "Success", "Duration": (i * 7919) % 3600})
    failed = [t for t in tasks if t["State"] == "Failed" and t["Env"] != "Dev"]
    lines = [f"{t['Env']}/{t['Id']}: {t['Duration']}s" for t in failed]
    total = sum([len(line) for line in lines])
    by_name = sorted(tasks, key=lambda t: t["Id"])
    slow = [f"{t['Id']} took {t['Duration'] // 60} min" for t in tasks if t["Duration"] > 3000]
    print(len(failed), total, lines[0], by_name[0]["Id"], by_name[-1]["Id"], len(slow), slow[-1])


main()
