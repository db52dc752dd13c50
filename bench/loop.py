# A 3,000,000-iteration integer loop: multiply, add, modulo, a branch per iteration.
# Top-level code in CPython uses dict-backed globals; a function is what a Python programmer
# would write for a hot loop (fast locals), so the loop runs inside main().
def main():
    acc = 0
    for i in range(3000000):
        acc = (acc * 31 + i) % 1000003
        if i % 3 == 0:
            acc = acc + 1
    print(acc)


main()
