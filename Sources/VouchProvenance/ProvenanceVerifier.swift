import Dispatch
import Foundation
import SwiftASN1
import X509

/// Reads and verifies the C2PA content credentials of an uploaded MP4 or MOV.
///
/// The order matters: the claim signature first (it vouches for the claim), then each
/// assertion the claim names against its hash, then the hard binding against the file's
/// bytes, then the certificate profile, and only then the trust anchors, so that
/// `untrusted` always means "intact, signer unknown" and never hides a broken file.
public struct ProvenanceVerifier: Sendable {
    /// The configured trust anchors (`provenance.trustAnchors`).
    public var anchors: [Certificate]

    public init(anchors: [Certificate]) {
        self.anchors = anchors
    }

    /// Loads every certificate from the PEM files named.
    public init(trustAnchorFiles paths: [String]) throws {
        var anchors: [Certificate] = []
        for path in paths {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let documents = try PEMDocument.parseMultiple(pemString: text)
            anchors += try documents.filter { $0.discriminator == "CERTIFICATE" }.map { try Certificate(pemDocument: $0) }
        }
        self.init(anchors: anchors)
    }

    /// The file's provenance. Never throws: every failure of the file is a state.
    ///
    /// Reading and hashing a clip of hundreds of megabytes blocks on the disk for a while,
    /// so it runs on a Dispatch thread, not on one of the few cooperative threads the
    /// server's requests share.
    public func verify(fileAt url: URL) async -> Provenance {
        let inspected = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Result { () throws(ProvenanceError) in try Self.inspect(url) })
            }
        }
        switch inspected {
        case .success(nil):
            return .absent
        case .success(.some(var (provenance, signer))):
            if !(await signer.isTrusted(by: anchors)) {
                provenance.state = .untrusted
                provenance.reason = "the signer's certificate chain does not end at a configured trust anchor"
            }
            return provenance
        case .failure(.unsupported(let what)):
            // A manifest this verifier cannot check earns nothing and flags nothing.
            return Provenance(state: .untrusted, reason: ProvenanceError.unsupported(what).description)
        case .failure(let error):
            return Provenance(state: .invalid, reason: error.description)
        }
    }

    /// Everything but the trust anchors: nil when the file has no manifest, else what the
    /// manifest says (as `valid`) and its signer, once every signature and hash matched.
    private static func inspect(_ url: URL) throws(ProvenanceError) -> (Provenance, SignerCertificate)? {
        let file = try BMFFFile(url: url)
        let boxes = try file.boxes()
        guard let store = try ManifestStore.locate(in: file, boxes: boxes) else { return nil }
        return try inspect(store, file: file, boxes: boxes)
    }

    private static func inspect(_ store: ManifestStore, file: BMFFFile, boxes: [BMFFBox]) throws(ProvenanceError) -> (Provenance, SignerCertificate) {
        let claim = try Claim(cbor: try CBORDecoder().decode(store.claimBytes), label: store.claimLabel)
        guard claim.signatureURL.hasSuffix("c2pa.signature") else { throw .malformed("the claim's signature reference '\(claim.signatureURL)'") }
        let cose = try COSESign1(store.signatureBytes)
        let signer = try SignerCertificate(chain: cose.chain)
        guard cose.isValid(for: store.claimBytes, by: signer.leaf) else { throw .mismatch("the claim signature does not verify") }

        var provenance = Provenance(state: .valid, signer: signer.signer, issuer: signer.issuer, generator: claim.generator)
        var binding: BMFFHardBinding?
        for reference in claim.assertions {
            guard let assertion = store.assertion(at: reference.url) else { throw .mismatch("the claim names a missing assertion (\(reference.url))") }
            guard reference.algorithm.digest(assertion.payload) == reference.hash else {
                throw .mismatch("assertion \(assertion.label ?? reference.url) changed after signing")
            }
            let label = assertion.label ?? ""
            if label.hasPrefix("c2pa.hash.bmff") || label.hasPrefix("c2pa.hash.data") || label.hasPrefix("c2pa.hash.boxes") {
                guard binding == nil else { throw .malformed("more than one hard binding") }
                guard label.hasPrefix("c2pa.hash.bmff.v2") || label.hasPrefix("c2pa.hash.bmff.v3") else {
                    throw .unsupported("hard binding '\(label)' in an MP4")
                }
                binding = try BMFFHardBinding(cbor: try Self.cbor(of: assertion), claimAlgorithm: claim.algorithm)
            } else if label.hasPrefix("c2pa.actions") {
                try Self.read(actions: try Self.cbor(of: assertion), into: &provenance)
            }
        }
        guard let binding else { throw .mismatch("the manifest binds to no part of the file") }
        guard try binding.matches(file, boxes: boxes) else { throw .mismatch("the file changed after signing (BMFF hash)") }
        try signer.checkProfile()
        return (provenance, signer)
    }

    private static func cbor(of assertion: JUMBFBox) throws(ProvenanceError) -> CBOR {
        guard let bytes = assertion.content("cbor") else { throw .malformed("assertion \(assertion.label ?? "?") is not CBOR") }
        return try CBORDecoder().decode(bytes)
    }

    /// The actions' labels, and the digital source type of the one that created the content.
    private static func read(actions: CBOR, into provenance: inout Provenance) throws(ProvenanceError) {
        guard let list = actions["actions"]?.array else { throw .malformed("an actions assertion without actions") }
        for action in list {
            guard let name = action["action"]?.text else { throw .malformed("an action without its name") }
            provenance.actions.append(name)
            guard let sourceType = action["digitalSourceType"]?.text else { continue }
            let code = String(sourceType.split(separator: "/").last ?? Substring(sourceType))
            if name == "c2pa.created" || provenance.digitalSourceType == nil { provenance.digitalSourceType = code }
            if Provenance.aiSourceTypes.contains(code) { provenance.aiGenerated = true }
        }
    }
}
