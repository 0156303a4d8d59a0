import ArgumentParser
import Foundation
import VouchIdentity

/// Platform attestation keys as the command line gives them: PEM files (`kid:ALG:path`)
/// or a JWKS document whose keys each declare `kid` and `alg`; copied into the store, so
/// no file needs to be on any other host.
struct PlatformKeyOptions: ParsableArguments {
    @Option(help: "A JWKS document with the platform's public keys.", completion: .file())
    var jwks: String?

    @Option(help: ArgumentHelp("A PEM public key, as kid:ALG:path; repeatable.", valueName: "kid:alg:file"))
    var key: [String] = []

    func keys() throws -> [PlatformKey] {
        var keys = try key.map(Self.pemKey)
        if let jwks {
            do {
                keys += try PlatformKey.keys(fromJWKS: Data(contentsOf: URL(fileURLWithPath: jwks)))
            } catch let problem as PlatformKey.JWKSProblem {
                throw ValidationError("\(jwks): \(problem)")
            } catch let error as CocoaError {
                throw ValidationError("cannot read \(jwks): \(error.localizedDescription)")
            }
        }
        guard !keys.isEmpty else { throw ValidationError("give the platform's keys with --jwks or --key") }
        return keys
    }

    private static func pemKey(_ text: String) throws -> PlatformKey {
        let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, let algorithm = AttestationAlgorithm(rawValue: parts[1]) else {
            throw ValidationError("--key takes kid:ALG:file, ALG one of \(AttestationAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")); got '\(text)'")
        }
        guard let pem = try? String(contentsOfFile: parts[2], encoding: .utf8), pem.contains("PUBLIC KEY") else {
            throw ValidationError("\(parts[2]) is not a readable PEM public key")
        }
        return PlatformKey(id: parts[0], algorithm: algorithm, pem: pem)
    }
}
