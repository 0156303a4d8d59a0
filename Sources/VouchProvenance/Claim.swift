import Crypto
import Foundation

/// The claim of the active manifest (C2PA claim v1 `c2pa.claim` or v2 `c2pa.claim.v2`):
/// the assertions it vouches for by hash, the hash algorithm and the generator.
struct Claim: Sendable {
    /// A reference to an assertion with the hash of its JUMBF superbox.
    struct HashedURI: Sendable {
        var url: String
        var hash: Data
        var algorithm: HashAlgorithm
    }

    var assertions: [HashedURI]
    var algorithm: HashAlgorithm
    var generator: String?
    var signatureURL: String

    init(cbor: CBOR, label: String) throws(ProvenanceError) {
        guard case .map = cbor else { throw .malformed("the claim is not a map") }
        guard let algorithmName = cbor["alg"]?.text else { throw .malformed("the claim names no hash algorithm") }
        algorithm = try HashAlgorithm(name: algorithmName)
        guard let signature = cbor["signature"]?.text else { throw .malformed("the claim names no signature") }
        signatureURL = signature
        let lists: [String] = label == "c2pa.claim.v2" ? ["created_assertions", "gathered_assertions"] : ["assertions"]
        var references: [HashedURI] = []
        for list in lists {
            for entry in cbor[list]?.array ?? [] {
                guard let url = entry["url"]?.text, let hash = entry["hash"]?.bytes else { throw .malformed("a hashed URI without url or hash") }
                let algorithm = try entry["alg"]?.text.map { name throws(ProvenanceError) in try HashAlgorithm(name: name) } ?? self.algorithm
                references.append(HashedURI(url: url, hash: hash, algorithm: algorithm))
            }
        }
        guard !references.isEmpty else { throw .malformed("the claim lists no assertions") }
        assertions = references
        generator = Self.generator(cbor)
    }

    /// The generator's name and version, from `claim_generator_info` (a map in v2, a list in v1) or `claim_generator`.
    private static func generator(_ cbor: CBOR) -> String? {
        let info = cbor["claim_generator_info"].flatMap { $0.array?.first ?? $0 }
        if let name = info?["name"]?.text {
            return [name, info?["version"]?.text].compactMap { $0 }.joined(separator: " ")
        }
        return cbor["claim_generator"]?.text
    }
}

/// The hash algorithms C2PA allows for claims, assertions and bindings.
enum HashAlgorithm: String, Sendable {
    case sha256, sha384, sha512

    init(name: String) throws(ProvenanceError) {
        guard let algorithm = HashAlgorithm(rawValue: name) else { throw .unsupported("hash algorithm '\(name)'") }
        self = algorithm
    }

    func digest(_ data: Data) -> Data {
        var hasher = makeHasher()
        hasher.update(data)
        return hasher.finalize()
    }

    func makeHasher() -> StreamingHash { StreamingHash(self) }
}

/// One of swift-crypto's hash functions behind one type, fed in chunks.
struct StreamingHash {
    private enum Backing {
        case sha256(SHA256), sha384(SHA384), sha512(SHA512)
    }
    private var backing: Backing

    init(_ algorithm: HashAlgorithm) {
        switch algorithm {
        case .sha256: backing = .sha256(SHA256())
        case .sha384: backing = .sha384(SHA384())
        case .sha512: backing = .sha512(SHA512())
        }
    }

    mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch backing {
        case .sha256(var hash): hash.update(bufferPointer: bytes); backing = .sha256(hash)
        case .sha384(var hash): hash.update(bufferPointer: bytes); backing = .sha384(hash)
        case .sha512(var hash): hash.update(bufferPointer: bytes); backing = .sha512(hash)
        }
    }

    func finalize() -> Data {
        switch backing {
        case .sha256(let hash): Data(hash.finalize())
        case .sha384(let hash): Data(hash.finalize())
        case .sha512(let hash): Data(hash.finalize())
        }
    }
}
