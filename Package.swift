// swift-tools-version: 6.1
import PackageDescription

/// Vouch: a self-hostable authenticity index for peer video reviews.
///
/// Modules depend one way only: CFFmpeg → VouchMedia → (later) fingerprint, index,
/// identity, store, pipeline, server → the thin `vouch` executable.
let package = Package(
    name: "Vouch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vouch", targets: ["vouch"]),
        .library(name: "VouchMedia", targets: ["VouchMedia"]),
        .library(name: "VouchFingerprint", targets: ["VouchFingerprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev", "libavutil-dev"])]
        ),
        .target(
            name: "VouchMedia",
            dependencies: ["CFFmpeg"]
        ),
        .target(
            name: "VouchFingerprint"
        ),
        .executableTarget(
            name: "vouch",
            dependencies: [
                "VouchMedia",
                "VouchFingerprint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "VouchTestSupport",
            path: "Tests/VouchTestSupport"
        ),
        .testTarget(
            name: "VouchMediaTests",
            dependencies: ["VouchMedia", "VouchTestSupport"]
        ),
        .testTarget(
            name: "VouchFingerprintTests",
            dependencies: ["VouchFingerprint"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "VouchCLITests",
            dependencies: ["vouch", "VouchTestSupport"]
        ),
    ]
)
