// Placeholder: the HTTP benchmark harness (serve / fetch modes) is being written.
print("rove-httpbench: not built yet")
