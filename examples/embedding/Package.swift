// swift-tools-version:6.1
// A Swift program that embeds Rove: it pins the library by version and leaves the simulator's
// trait off, so it resolves none of Hummingbird's or NIO's packages.
import PackageDescription

// The tests point this at a local clone tagged with a version; a real host writes the URL.
let rove = Context.environment["ROVE_PACKAGE_URL"] ?? "https://github.com/rove-shell/rove.git"

let package = Package(
    name: "DeployGate",
    dependencies: [
        .package(url: rove, from: "1.0.0", traits: []),
    ],
    targets: [
        .executableTarget(name: "DeployGate", dependencies: [
            .product(name: "RoveCore", package: "rove"),
            .product(name: "RoveProviders", package: "rove"),
            // The transport protocol, for the host's own transport.
            .product(name: "RoveHTTP", package: "rove"),
            // `run(_:) async` on a large-stack thread of its own.
            .product(name: "RoveHost", package: "rove"),
        ]),
    ]
)
