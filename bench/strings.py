# Build 200,000 strings by interpolation, join them, split the result, and measure the pieces.
def main():
    parts = []
    for i in range(200000):
        parts.append(f"item-{i}")
    joined = ",".join(parts)
    back = joined.split(",")
    total = 0
    for p in back:
        total = total + len(p)
    print(len(joined), len(back), total)


main()
