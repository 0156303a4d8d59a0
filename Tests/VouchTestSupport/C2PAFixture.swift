import Foundation

/// Clips carrying C2PA content credentials, signed by c2pa-python (`Scripts/lib/c2pa_fixtures.py`)
/// with a test CA made on first use, and c2pa-python's own verdict on each: the
/// independent reference the provenance tests check Vouch against.
public enum C2PAFixture: String, CaseIterable, Sendable {
    /// Signed by the trusted test chain, created by `digitalCapture`.
    case capture = "capture.mp4"
    /// ``capture``'s content signed with RSA-PSS (PS256) by another signer of the trusted CA.
    case ps256 = "ps256.mp4"
    /// ``capture``'s content signed with Ed25519 by another signer of the trusted CA.
    case ed25519 = "ed25519.mp4"
    /// Signed by the trusted test chain, created by `trainedAlgorithmicMedia`.
    case aiGenerated = "ai.mp4"
    /// ``capture`` with one byte of its media data changed after signing.
    case tampered = "tampered.mp4"
    /// Signed by a chain whose CA is not in the trust list.
    case untrusted = "untrusted.mp4"
    /// ``capture`` remuxed by `ffmpeg -c copy`, which drops the manifest.
    case stripped = "stripped.mp4"
    /// ``capture`` with its first JUMBF description box's length inflated past its parent.
    case malformed = "malformed.mp4"

    public var path: String {
        get throws { try Self.directory.get().appendingPathComponent(rawValue).path }
    }

    /// The trusted test CA, as the `provenance.trustAnchors` PEM file.
    public static var trustAnchorPath: String {
        get throws { try directory.get().appendingPathComponent("trust.pem").path }
    }

    /// c2pa-python's `Reader` on `files`, with the test CA trusted: one verdict per file name.
    public static func referenceVerdicts(of files: [String]) throws -> [String: ReferenceVerdict] {
        let output = try ExternalTool.run(python, [script, "read", try trustAnchorPath] + files)
        var verdicts: [String: ReferenceVerdict] = [:]
        for line in output.split(separator: UInt8(ascii: "\n")) {
            let verdict = try JSONDecoder().decode(ReferenceVerdict.self, from: Data(line))
            verdicts[verdict.file] = verdict
        }
        return verdicts
    }

    /// What c2pa-python said about a file: `Trusted`, `Valid`, `Invalid`, or `absent` / `error` when its Reader refused it.
    public struct ReferenceVerdict: Decodable, Sendable {
        public var file: String
        public var state: String
        public var codes: [String]
    }

    /// The venv `require_python_tools` (Scripts/lib/requirements.sh) makes, with c2pa-python in it.
    public static let python = repository.appendingPathComponent(".build/venv/bin/python").path
    public static let script = repository.appendingPathComponent("Scripts/lib/c2pa_fixtures.py").path
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// Made once per test process: the CA is random, so a set is only consistent with its own trust list.
    private static let directory: Result<URL, any Error> = Result {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ExternalTool.Failure(tool: python, arguments: ["(missing: run Scripts/test, or source Scripts/lib/requirements.sh and call require_python_tools)"], status: 127)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vouch-c2pa-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try ExternalTool.run(python, [script, "make", directory.path, try MediaFixture.clip.path])
        return directory
    }
}
