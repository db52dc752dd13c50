# 200,000 records (objects with 5 fields) through where / map / sum / groupBy / sortBy.
def main():
    envs = ["Production", "Staging", "Test", "Dev"]
    records = []
    for i in range(200000):
        records.append({"Id": i, "Name": f"task-{i}", "Env": envs[i % 4],
                        "Duration": (i * 37) % 1000, "Ok": i % 3 != 0})
    ok = [r for r in records if r["Ok"]]
    print(len(ok), sum(r["Duration"] for r in ok))
    groups = {}
    for r in ok:
        groups.setdefault(r["Env"], []).append(r)
    for env, group in groups.items():
        print(env, len(group), sum(r["Duration"] for r in group))
    ordered = sorted(ok, key=lambda r: r["Duration"])
    print(ordered[0]["Id"], ordered[-1]["Id"], ordered[len(ordered) // 2]["Name"])


main()
