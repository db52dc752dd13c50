import RoveSimulator

// Replaced by the server's entry point (Server/) as the simulator lands.
print("rove-sim: \(SimSettings().octopusAPIKey.isEmpty ? "" : "starting")")
