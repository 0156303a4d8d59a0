import Crypto
import CryptoExtras
import Foundation
import VouchEncoding

/// A moderator's password as the settings file keeps it: scrypt (RFC 7914) over the
/// password with a random 16-byte salt, written in the PHC string format,
/// `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (unpadded base64).
///
/// scrypt is memory-hard: each guess costs 128 · r · 2^ln bytes (128 MiB at the
/// defaults, OWASP's recommendation), which is what makes a stolen settings file
/// expensive to attack on GPUs. The cost travels with the hash, so it can be raised
/// later without invalidating existing hashes.
public struct PasswordHash: Sendable, Equatable, CustomStringConvertible {
    /// scrypt's cost parameters.
    public struct Cost: Sendable, Equatable {
        /// log₂ of N, the CPU and memory cost.
        public var log2N: Int
        /// r, the block size.
        public var blockSize: Int
        /// p, the parallelism.
        public var parallelism: Int

        public init(log2N: Int, blockSize: Int = 8, parallelism: Int = 1) {
            self.log2N = log2N
            self.blockSize = blockSize
            self.parallelism = parallelism
        }

        /// OWASP's recommended minimum: N = 2^17, r = 8, p = 1.
        public static let recommended = Cost(log2N: 17)

        /// Bytes one derivation needs.
        public var memoryBytes: Int { 128 * blockSize * (1 << log2N) * parallelism }

        /// Costs a settings file may hold: enough to be meaningful, not so much that one
        /// login could exhaust the server (at most 512 MiB per derivation).
        var isAcceptable: Bool {
            (10...20).contains(log2N) && (1...16).contains(blockSize) && (1...4).contains(parallelism) && memoryBytes <= 512 << 20
        }
    }

    public let cost: Cost
    private let salt: [UInt8]
    private let digest: [UInt8]

    /// Hashes `password` with a fresh random salt.
    public static func make(password: String, cost: Cost = .recommended) throws -> PasswordHash {
        guard cost.isAcceptable else { throw PasswordHashError.costOutOfRange }
        guard !password.isEmpty else { throw PasswordHashError.emptyPassword }
        let salt = Array(RandomSecret.bytes(16))
        return PasswordHash(cost: cost, salt: salt, digest: try derive(password, salt: salt, cost: cost))
    }

    /// Reads a hash in the PHC string format.
    public init(parsing text: String) throws(PasswordHashError) {
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty, fields[1] == "scrypt" else { throw .malformed("expected $scrypt$ln=…,r=…,p=…$salt$hash") }
        var parameters: [Substring: Int] = [:]
        for pair in fields[2].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1]) else { throw .malformed("parameter '\(pair)' is not name=number") }
            parameters[parts[0]] = value
        }
        guard let log2N = parameters["ln"], let blockSize = parameters["r"], let parallelism = parameters["p"], parameters.count == 3 else {
            throw .malformed("the parameters must be exactly ln, r and p")
        }
        let cost = Cost(log2N: log2N, blockSize: blockSize, parallelism: parallelism)
        guard cost.isAcceptable else { throw .costOutOfRange }
        guard let salt = Self.decode(fields[3]), salt.count >= 16, let digest = Self.decode(fields[4]), digest.count == 32 else {
            throw .malformed("the salt (at least 16 bytes) and the hash (32 bytes) must be unpadded base64")
        }
        self.init(cost: cost, salt: salt, digest: digest)
    }

    private init(cost: Cost, salt: [UInt8], digest: [UInt8]) {
        self.cost = cost
        self.salt = salt
        self.digest = digest
    }

    /// Whether `password` is the one hashed, compared in constant time. This costs a full
    /// scrypt derivation: run it off the cooperative thread pool.
    public func verify(_ password: String) -> Bool {
        guard !password.isEmpty, let derived = try? Self.derive(password, salt: salt, cost: cost) else { return false }
        return ConstantTime.equal(derived, digest)
    }

    public var description: String {
        "$scrypt$ln=\(cost.log2N),r=\(cost.blockSize),p=\(cost.parallelism)$\(Self.encode(salt))$\(Self.encode(digest))"
    }

    private static func derive(_ password: String, salt: [UInt8], cost: Cost) throws -> [UInt8] {
        try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: 1 << cost.log2N,
                                 blockSize: cost.blockSize, parallelism: cost.parallelism)
            .withUnsafeBytes { Array($0) }
    }

    private static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ text: Substring) -> [UInt8]? {
        let padded = text + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: String(padded)).map(Array.init)
    }
}

extension PasswordHash: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            try self.init(parsing: try container.decode(String.self))
        } catch let error as PasswordHashError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a password hash could not be made or read.
public enum PasswordHashError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case costOutOfRange
    case emptyPassword

    public var description: String {
        switch self {
        case .malformed(let why): return "not a scrypt password hash: \(why)"
        case .costOutOfRange: return "scrypt cost out of range: ln 10–20, r 1–16, p 1–4, at most 512 MiB"
        case .emptyPassword: return "the password is empty"
        }
    }
}
