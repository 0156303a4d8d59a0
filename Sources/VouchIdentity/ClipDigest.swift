import Crypto
import Foundation
import VouchEncoding

/// The SHA-256 of a clip's exact bytes, as attestations carry it: lowercase hex.
public enum ClipDigest {
    public static func sha256Hex(of data: some DataProtocol) -> String {
        SHA256.hash(data: data).hexEncodedString
    }

    /// Hashes a file in 1 MiB reads, so an upload is never held whole in memory.
    public static func sha256Hex(ofFileAt path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().hexEncodedString
    }
}
