// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rove",
    products: [
        .executable(name: "rove", targets: ["rove"]),
        .library(name: "RoveCore", targets: ["RoveCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The language: syntax, compiler, runtime, stdlib, diagnostics. No C, no global I/O.
        .target(
            name: "RoveCore",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")],
            // The interpreter's hot paths touch class fields millions of times a second; the
            // compiler never holds an inout access across script code (see docs/internals.md).
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // libedit, behind a tiny shim; imported only by RoveCLI/LineEditor.swift.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // Arguments, output formats, the REPL: everything the `rove` command does.
        .target(
            name: "RoveCLI",
            dependencies: [
                "RoveCore", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "rove", dependencies: ["RoveCLI"]),
        // Shared by the test targets: the golden-script runner and process helpers.
        .target(name: "RoveTestSupport", dependencies: ["RoveCore", "RoveCLI"]),
        .testTarget(name: "RoveCoreTests", dependencies: ["RoveCore", "RoveTestSupport"],
                    exclude: ["Scripts", "PendingScripts"]),
        .testTarget(name: "RoveCLITests", dependencies: ["RoveCLI", "RoveTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
