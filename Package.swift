// swift-tools-version: 6.2
import PackageDescription

/// Vouch: a self-hostable authenticity index for peer video reviews.
///
/// Modules depend one way only. What each builds on, transitively reduced (Docs/architecture.md
/// draws it; Scripts/check-imports keeps every target's list below equal to what its files import):
///
///     VouchModel, VouchEncoding, VouchMedia, VouchFingerprint, VouchIdentity, VouchProvenance: nothing of Vouch's
///     VouchLog: VouchModel                       VouchIndex: VouchFingerprint
///     VouchStore: VouchIdentity, VouchLog, VouchProvenance
///     VouchPipeline: VouchStore, VouchIndex, VouchMedia, VouchMediaStore
///     VouchServer: VouchPipeline
///     VouchDecoding: CFFmpeg, VouchMedia         VouchAnalysis: VouchPipeline, VouchDecoding, CSandbox
///     VouchConfiguration: VouchServer            VouchCommandLine: VouchConfiguration, VouchAnalysis
///     VouchBench: VouchCommandLine               VouchVerifier: VouchLog
///     VouchMediaStore: VouchEncoding
///     vouch: VouchBench, VouchVerifier
///
/// FFmpeg stays out of the VouchServer and VouchPipeline targets: only VouchAnalysis (the code
/// the isolated `vouch analyze` child runs) and the command-line targets link VouchDecoding, for
/// `analyze`, `probe`, `decode` and the other media commands of the one `vouch` binary.
///
/// VouchEncoding (hex, base64url, constant-time comparison, random secrets, the JSON encoders'
/// configurations) is one of each small helper, for every module that needs one.
let package = Package(
    name: "Vouch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vouch", targets: ["vouch"]),
        .library(name: "VouchModel", targets: ["VouchModel"]),
        .library(name: "VouchMedia", targets: ["VouchMedia"]),
        .library(name: "VouchDecoding", targets: ["VouchDecoding"]),
        .library(name: "VouchFingerprint", targets: ["VouchFingerprint"]),
        .library(name: "VouchIndex", targets: ["VouchIndex"]),
        .library(name: "VouchIdentity", targets: ["VouchIdentity"]),
        .library(name: "VouchStore", targets: ["VouchStore"]),
        .library(name: "VouchPipeline", targets: ["VouchPipeline"]),
        .library(name: "VouchServer", targets: ["VouchServer"]),
        .library(name: "VouchProvenance", targets: ["VouchProvenance"]),
        .library(name: "VouchMediaStore", targets: ["VouchMediaStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/swift-extras/swift-extras-base64", from: "1.2.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev", "libswresample-dev", "libavutil-dev"])]
        ),
        .target(
            name: "VouchModel"
        ),
        .target(
            name: "VouchEncoding",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ExtrasBase64", package: "swift-extras-base64"),
            ]
        ),
        .target(
            name: "VouchMedia"
        ),
        .target(
            name: "VouchDecoding",
            dependencies: ["CFFmpeg", "VouchMedia"]
        ),
        .target(
            name: "CSandbox"
        ),
        .target(
            name: "VouchFingerprint"
        ),
        .target(
            name: "VouchIndex",
            dependencies: ["VouchFingerprint"]
        ),
        .target(
            name: "VouchIdentity",
            dependencies: [
                "VouchEncoding",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .target(
            name: "VouchLog",
            dependencies: ["VouchModel", "VouchEncoding", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "VouchProvenance",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(
            name: "VouchMediaStore",
            dependencies: [
                "VouchEncoding",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "VouchStore",
            dependencies: [
                "VouchModel", "VouchEncoding", "VouchIdentity", "VouchLog", "VouchProvenance",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "VouchPipeline",
            dependencies: [
                "VouchModel", "VouchEncoding", "VouchMedia", "VouchMediaStore", "VouchFingerprint", "VouchIndex", "VouchIdentity", "VouchStore", "VouchLog", "VouchProvenance",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                // Names FilePath for Subprocess; Apple platforms have it in their System framework.
                .product(name: "SystemPackage", package: "swift-system", condition: .when(platforms: [.linux])),
            ]
        ),
        .target(
            name: "VouchAnalysis",
            dependencies: ["VouchPipeline", "VouchDecoding", "VouchMedia", "VouchFingerprint", "CSandbox"]
        ),
        .target(
            name: "VouchServer",
            dependencies: [
                "VouchModel", "VouchEncoding", "VouchFingerprint", "VouchIdentity", "VouchLog", "VouchProvenance", "VouchStore", "VouchPipeline", "VouchMediaStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Web"), .embedInCode("Resources/openapi.json")]
        ),
        .target(
            name: "VouchConfiguration",
            dependencies: ["VouchMedia", "VouchFingerprint", "VouchIndex", "VouchIdentity", "VouchPipeline", "VouchServer"]
        ),
        .target(
            name: "VouchCommandLine",
            dependencies: [
                "VouchConfiguration", "VouchEncoding", "VouchMedia", "VouchMediaStore", "VouchDecoding", "VouchAnalysis", "VouchFingerprint", "VouchPipeline", "VouchStore", "VouchLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "VouchBench",
            dependencies: [
                "VouchModel",
                "VouchCommandLine", "VouchEncoding", "VouchMedia", "VouchDecoding", "VouchFingerprint", "VouchIndex", "VouchIdentity", "VouchStore", "VouchLog", "VouchProvenance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "VouchVerifier",
            dependencies: ["VouchModel", "VouchLog"]
        ),
        .executableTarget(
            name: "vouch",
            dependencies: [
                "VouchCommandLine",
                "VouchBench",
                "VouchVerifier",
                "VouchMedia",
                "VouchDecoding",
                "VouchAnalysis",
                "VouchFingerprint",
                "VouchIdentity",
                "VouchStore",
                "VouchPipeline",
                "VouchServer",
                "VouchLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "VouchTestSupport",
            dependencies: [
                "VouchModel", "VouchEncoding", "VouchStore", "VouchIdentity", "VouchFingerprint",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            path: "Tests/VouchTestSupport"
        ),
        .executableTarget(
            name: "SandboxProbe",
            dependencies: ["VouchAnalysis", "VouchPipeline", "VouchTestSupport"],
            path: "Tests/SandboxProbe"
        ),
        .testTarget(
            name: "VouchModelTests",
            dependencies: ["VouchModel"]
        ),
        .testTarget(
            name: "VouchEncodingTests",
            dependencies: ["VouchEncoding", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "VouchMediaTests",
            dependencies: ["VouchMedia"]
        ),
        .testTarget(
            name: "VouchDecodingTests",
            dependencies: ["VouchDecoding", "VouchMedia", "VouchTestSupport"]
        ),
        .testTarget(
            name: "VouchFingerprintTests",
            dependencies: ["VouchFingerprint", "VouchTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "VouchIndexTests",
            dependencies: ["VouchIndex", "VouchFingerprint", "VouchTestSupport"]
        ),
        .testTarget(
            name: "VouchIdentityTests",
            dependencies: ["VouchIdentity", "VouchEncoding", "VouchTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "VouchProvenanceTests",
            dependencies: ["VouchProvenance", "VouchTestSupport", .product(name: "X509", package: "swift-certificates"),
                           .product(name: "SwiftASN1", package: "swift-asn1"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "VouchLogTests",
            dependencies: ["VouchLog", "VouchModel"]
        ),
        .testTarget(
            name: "VouchMediaStoreTests",
            dependencies: ["VouchMediaStore", "VouchEncoding", "VouchTestSupport", .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .testTarget(
            name: "VouchStoreTests",
            dependencies: ["VouchIdentity", "VouchModel", "VouchStore", "VouchLog", "VouchTestSupport", .product(name: "SQLKit", package: "sql-kit")]
        ),
        .testTarget(
            name: "VouchPipelineTests",
            dependencies: ["VouchIdentity", "VouchModel", "VouchMediaStore", "VouchPipeline", "VouchStore", "VouchIndex", "VouchMedia", "VouchFingerprint", "VouchLog", "VouchProvenance", "VouchTestSupport", "SandboxProbe",
                           .product(name: "SQLKit", package: "sql-kit"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "X509", package: "swift-certificates"),
                           .product(name: "SwiftASN1", package: "swift-asn1"), .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "VouchServerTests",
            dependencies: ["VouchEncoding", "VouchLog", "VouchModel", "VouchMediaStore", "VouchServer", "VouchPipeline", "VouchStore", "VouchIndex", "VouchMedia", "VouchFingerprint", "VouchIdentity", "VouchTestSupport",
                           .product(name: "Crypto", package: "swift-crypto"), .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "SQLKit", package: "sql-kit"), .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "VouchConfigurationTests",
            dependencies: ["VouchConfiguration"]
        ),
        .testTarget(
            name: "VouchVerifierTests",
            dependencies: ["VouchModel", "VouchVerifier", "VouchLog"]
        ),
        .testTarget(
            name: "VouchCLITests",
            dependencies: ["VouchStore", "VouchServer", "VouchIdentity", "VouchFingerprint", "vouch", "VouchTestSupport"]
        ),
    ]
)
