// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer target for newslint, kept out of the main package so that `swift build` there never needs
// the sanitizer runtimes. Build and run it with `Fuzz/run.sh` (see Fuzz/README.md).
let package = Package(
    name: "newslint-fuzz",
    dependencies: [
        .package(name: "newslint", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzPost",
            dependencies: [.product(name: "NewslintKit", package: "newslint")]
        ),
    ]
)
