// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Rove",
    products: [
        .executable(name: "rove", targets: ["rove"]),
        .executable(name: "rove-sim", targets: ["rove-sim"]),
        // What a Swift host pins by version: the language, the HTTP layer, the object model and providers.
        .library(name: "RoveCore", targets: ["RoveCore"]),
        .library(name: "RoveHTTP", targets: ["RoveHTTP"]),
        .library(name: "RoveProviders", targets: ["RoveProviders"]),
        .library(name: "RoveHost", targets: ["RoveHost"]),
        .library(name: "RoveFoundation", targets: ["RoveFoundation"]),
    ],
    traits: [
        // The local Octopus and DeployHQ servers and what they are built on (Hummingbird, NIO).
        // On for this repository; a host that embeds Rove leaves it off (`traits: []`) and
        // resolves none of those packages.
        .trait(name: "Simulator", description: "Build rove-sim and the tests that run against it."),
        .default(enabledTraits: ["Simulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Hummingbird's own foundations, named because the simulator uses them directly: HTTP
        // fields, channels (to drop a connection), logging (kept off stdout), the signal-aware
        // service group. All are already in Hummingbird's graph; these add no new package.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        // The language: syntax, compiler, runtime, stdlib, diagnostics. No C, no global I/O.
        .target(
            name: "RoveCore",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        // libedit, behind a tiny shim; imported only by RoveCLI/LineEditor.swift.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // libcurl, loaded with dlopen on first use and called through typed wrappers; imported
        // only by RoveHTTP. Needs libcurl's headers to build (libcurl4-openssl-dev), not to link.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // HTTP: the libcurl transport, retries, cancellation, URI templates, redaction. It knows
        // nothing of the language: its errors are plain Swift errors, its bodies bytes.
        .target(name: "RoveHTTP", dependencies: ["CCurl"]),
        // The hypermedia object model (Resource, Collection, Link, Task), the provider adapters
        // and their Rove helpers, `expand`, and HTTP failures as language errors: the one
        // target that knows both the language and HTTP.
        .target(name: "RoveProviders", dependencies: ["RoveHTTP", "RoveCore"]),
        // A host for a whole process: its streams, the real clock, an interruptible sleep, the
        // file system, and the large-stack thread scripts run on. For `rove` and any host that
        // wants the same; RoveCore itself stays free of I/O.
        .target(name: "RoveHost", dependencies: ["RoveCore"]),
        // Foundation's JSON-like data (`[String: Any]`, NSNumber, NSNull) as Rove values and back,
        // for hosts that use Foundation; a target of its own so nothing else links Foundation.
        .target(name: "RoveFoundation", dependencies: ["RoveCore"]),
        // Arguments, output formats, the REPL: everything the `rove` command does.
        .target(
            name: "RoveCLI",
            dependencies: ["RoveCore", "RoveHost", "RoveHTTP", "RoveProviders", "CEditLine"]
        ),
        .executableTarget(name: "rove", dependencies: ["RoveCLI"]),
        // The local Octopus and DeployHQ servers: seed data, behaviour, fault injection. It stands
        // beside the client side and imports none of it.
        .target(name: "RoveSimulator", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Simulator"])),
            .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Simulator"])),
            .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Simulator"])),
            .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Simulator"])),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["Simulator"])),
            .product(name: "UnixSignals", package: "swift-service-lifecycle", condition: .when(traits: ["Simulator"])),
        ]),
        .executableTarget(name: "rove-sim", dependencies: ["RoveSimulator"]),
        // The HTTP benchmark's harness: a loopback server for every peer, and Rove's client side.
        .executableTarget(name: "rove-httpbench", dependencies: ["RoveHTTP", "RoveTestServers"],
                          path: "bench/httpbench"),
        // Loopback HTTP/1.1 and HTTP/2 servers for the HTTP tests and the benchmark; apart from
        // RoveTestSupport so that those build without the language.
        .target(name: "RoveTestServers"),
        // Shared by the test targets: the golden-script runner and process helpers.
        .target(name: "RoveTestSupport", dependencies: ["RoveCore", "RoveHost", "RoveCLI", "RoveHTTP"]),
        .testTarget(name: "RoveCoreTests", dependencies: ["RoveCore", "RoveHost", "RoveFoundation", "RoveTestSupport"],
                    exclude: ["Scripts", "PendingScripts"]),
        .testTarget(name: "RoveCLITests", dependencies: ["RoveCLI", "RoveHost", "RoveTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RoveHTTPTests", dependencies: ["RoveHTTP", "RoveTestServers"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RoveSimulatorTests", dependencies: ["RoveSimulator", "RoveHTTP", "RoveTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RoveProvidersTests",
                    dependencies: ["RoveProviders", "RoveCLI", "RoveTestSupport", "RoveTestServers"],
                    exclude: ["Scripts"]),
    ],
    swiftLanguageModes: [.v5]
)
