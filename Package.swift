// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "newslint",
    products: [
        .executable(name: "newslint", targets: ["newslint"]),
        // For the fuzzing package in Fuzz/, which drives the engine directly.
        .library(name: "NewslintKit", targets: ["NewslintCore", "NewslintRules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "NewslintDOM", dependencies: ["CLibXML2"]),
        .target(name: "NewslintCore", dependencies: ["NewslintDOM", "Yams"]),
        .target(name: "NewslintRules", dependencies: ["NewslintCore"]),
        .executableTarget(
            name: "newslint",
            dependencies: [
                "NewslintCore",
                "NewslintRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test targets share (random texts for property tests).
        .target(name: "NewslintTestSupport", path: "Tests/NewslintTestSupport"),
        .testTarget(name: "NewslintDOMTests", dependencies: ["NewslintDOM"]),
        .testTarget(name: "NewslintCoreTests", dependencies: ["NewslintCore", "NewslintRules", "NewslintTestSupport"]),
        // The snapshots are read from the repository by path, not bundled.
        .testTarget(name: "NewslintRulesTests", dependencies: ["NewslintCore", "NewslintRules", "NewslintTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "CLITests", dependencies: ["newslint"]),
    ]
)
