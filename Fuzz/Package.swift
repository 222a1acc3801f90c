// swift-tools-version: 6.0
// Fuzz targets (libFuzzer), kept out of the main package so that a fuzz entry point never
// breaks `swift build` or `swift test`. Build and run one with scripts/fuzz.sh TARGET SECONDS:
//
//   swift build --package-path Fuzz --product FuzzDocumentText \
//     -Xswiftc -sanitize=fuzzer,address --scratch-path .build-fuzz
import Foundation
import PackageDescription

// The root package is a path dependency: its identity is its folder's name, whatever the clone
// is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let claims = root.lastPathComponent.lowercased()
// No top-level code: each target's entry point is `<Target>_main` (see FuzzDriver).
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
// lld: gold stops with an internal error on the sanitizer-instrumented objects
let linker: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let package = Package(
    name: "claims-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzDocumentText", dependencies: ["FuzzDriver", .product(name: "DocumentText", package: claims)],
                          swiftSettings: fuzzer, linkerSettings: linker),
        .executableTarget(name: "FuzzExtraction", dependencies: [
            "FuzzDriver", .product(name: "DocumentText", package: claims), .product(name: "ClaimExtraction", package: claims),
        ], swiftSettings: fuzzer, linkerSettings: linker),
        .executableTarget(name: "FuzzUserFiles", dependencies: [
            "FuzzDriver", .product(name: "ClaimsKit", package: claims), .product(name: "DocumentText", package: claims),
            .product(name: "ClaimExtraction", package: claims),
        ], swiftSettings: fuzzer, linkerSettings: linker),
        .executableTarget(name: "FuzzPDF", dependencies: [
            "FuzzDriver", .product(name: "DocumentText", package: claims), .product(name: "ClaimExtraction", package: claims),
        ], swiftSettings: fuzzer, linkerSettings: linker),
        .executableTarget(name: "FuzzPriceFile", dependencies: ["FuzzDriver", .product(name: "MarketMetrics", package: claims)],
                          swiftSettings: fuzzer, linkerSettings: linker),
    ]
)
