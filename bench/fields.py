# 1,000,000 small objects: build them, then read and update their fields in place.
def main():
    points = []
    for i in range(1000000):
        points.append({"x": i % 1000, "y": i % 777, "hits": 0})
    for i in range(len(points)):
        points[i]["hits"] += points[i]["x"] + points[i]["y"]
        if points[i]["hits"] > 1000:
            points[i]["x"] = 0
    total = 0
    zeros = 0
    for p in points:
        total += p["hits"]
        if p["x"] == 0:
            zeros += 1
    print(total, zeros)


main()
